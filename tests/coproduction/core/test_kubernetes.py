"""The Kubernetes manifests (deploy/kubernetes) build and pass the Kubernetes API's own schemas.

Each overlay is built the way `kubectl apply -k` builds it (resources, namespace, images and
strategic-merge patches: the parts of kustomize these manifests use), then every resource is
checked against the schemas kubernetes-validate ships (offline, strict: an unknown field is an
error), and KEDA's kinds against deploy/kubernetes/schemas. Where kubectl is installed, its own
kustomize build must give the same resources.
"""

import copy
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import kubernetes_validate
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[3]
KUBE = ROOT / "deploy" / "kubernetes"
OVERLAYS = sorted(path.name for path in (KUBE / "overlays").iterdir() if (path / "kustomization.yaml").exists())
# The oldest Kubernetes still supported by the big managed services, and the newest known.
VERSIONS = ["1.30.0", kubernetes_validate.latest_version()]
KEDA = json.loads((KUBE / "schemas" / "keda.sh-v1alpha1.json").read_text())
KUSTOMIZE_FIELDS = {"apiVersion", "kind", "namespace", "resources", "images", "patches"}
CLUSTER_SCOPED = {"Namespace", "PersistentVolume", "StorageClass", "ClusterRole", "ClusterRoleBinding"}


def _merge(base, patch):
    """Strategic merge as these patches use it: maps merge, lists of named items merge by
    name (containers, env, volumes, volumeMounts), other lists are replaced."""
    if isinstance(base, dict) and isinstance(patch, dict):
        merged = dict(base)
        for key, value in patch.items():
            merged[key] = _merge(base[key], value) if key in base else copy.deepcopy(value)
        return merged
    named = lambda items: isinstance(items, list) and items and all(isinstance(i, dict) and "name" in i for i in items)  # noqa: E731
    if named(base) and named(patch):
        by_name = {item["name"]: item for item in base}
        merged = [_merge(by_name[item["name"]], item) if item["name"] in by_name else copy.deepcopy(item) for item in patch]
        patched = {item["name"] for item in patch}
        return merged + [item for item in base if item["name"] not in patched]
    return copy.deepcopy(patch)


def build(directory: Path) -> list[dict]:
    spec = yaml.safe_load((directory / "kustomization.yaml").read_text())
    unknown = set(spec) - KUSTOMIZE_FIELDS
    assert not unknown, f"{directory}: kustomization fields this build does not know: {unknown}"
    resources: list[dict] = []
    for entry in spec.get("resources", []):
        path = directory / entry
        if path.is_dir():
            resources += build(path)
        else:
            resources += [doc for doc in yaml.safe_load_all(path.read_text()) if doc]
    for patch_entry in spec.get("patches", []):
        assert set(patch_entry) == {"path"}, "only patches from files, matched by kind and name"
        for patch in yaml.safe_load_all((directory / patch_entry["path"]).read_text()):
            targets = [i for i, r in enumerate(resources) if (r["kind"], r["metadata"]["name"]) == (patch["kind"], patch["metadata"]["name"])]
            assert len(targets) == 1, f"patch {patch['kind']}/{patch['metadata']['name']} matches {len(targets)} resources"
            resources[targets[0]] = _merge(resources[targets[0]], patch)
    for image in spec.get("images", []):
        for resource in resources:
            for container in _containers(resource):
                name, _, tag = container["image"].partition(":")
                if name == image["name"]:
                    container["image"] = f"{image.get('newName', name)}:{image.get('newTag', tag or 'latest')}"
    if "namespace" in spec:
        for resource in resources:
            if resource["kind"] not in CLUSTER_SCOPED:
                resource["metadata"]["namespace"] = spec["namespace"]
    return resources


def _containers(resource: dict) -> list[dict]:
    pod = resource.get("spec", {}).get("template", {}).get("spec", {})
    return pod.get("containers", []) + pod.get("initContainers", [])


def _by_kind(resources, kind):
    return {r["metadata"]["name"]: r for r in resources if r["kind"] == kind}


def validate(resource: dict, version: str) -> None:
    if resource["apiVersion"].startswith("keda.sh/"):
        jsonschema.validate(resource, {**KEDA, "$ref": f"#/$defs/{resource['kind']}"})
    else:
        kubernetes_validate.validate(resource, version, strict=True)


@pytest.mark.parametrize("overlay", OVERLAYS)
@pytest.mark.parametrize("version", VERSIONS)
def test_every_overlay_builds_and_passes_the_schemas(overlay, version):
    resources = build(KUBE / "overlays" / overlay)
    kinds = {r["kind"] for r in resources}
    assert {"Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "Job", "ConfigMap", "ScaledObject"} <= kinds
    for resource in resources:
        try:
            validate(resource, version)
        except (kubernetes_validate.ValidationError, jsonschema.ValidationError) as error:
            pytest.fail(f"{overlay}: {resource['kind']}/{resource['metadata']['name']} is not valid for Kubernetes {version}: {error.message}")


def test_a_wrong_manifest_is_refused():
    """The checks above can fail: a misspelt field and a missing one are both caught."""
    resources = build(KUBE / "overlays" / OVERLAYS[0])
    hpa = copy.deepcopy(_by_kind(resources, "HorizontalPodAutoscaler")["coproduction-web"])
    del hpa["spec"]["maxReplicas"]
    with pytest.raises(kubernetes_validate.ValidationError):
        validate(hpa, VERSIONS[0])
    web = copy.deepcopy(_by_kind(resources, "Deployment")["coproduction-web"])
    web["spec"]["template"]["spec"]["containers"][0]["readinessProbe"]["httpGet"]["paht"] = "/health/ready"
    with pytest.raises(kubernetes_validate.ValidationError):
        validate(web, VERSIONS[0])
    scaled = copy.deepcopy(_by_kind(resources, "ScaledObject")["coproduction-worker"])
    scaled["spec"]["triggers"][0]["metadata"]["listLength"] = 4  # KEDA wants strings
    with pytest.raises(jsonschema.ValidationError):
        validate(scaled, VERSIONS[0])


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_kubectl_builds_the_same_resources(overlay):
    if not shutil.which("kubectl"):
        pytest.skip("kubectl is not installed; the build above follows kustomize's rules")
    result = subprocess.run(["kubectl", "kustomize", str(KUBE / "overlays" / overlay)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    theirs = [doc for doc in yaml.safe_load_all(result.stdout) if doc]
    assert _canonical(theirs) == _canonical(build(KUBE / "overlays" / overlay))


def _canonical(resources):
    def sort_named(value):
        if isinstance(value, dict):
            return {k: sort_named(v) for k, v in value.items()}
        if isinstance(value, list):
            items = [sort_named(v) for v in value]
            if items and all(isinstance(i, dict) and "name" in i for i in items):
                items.sort(key=lambda i: str(i["name"]))
            return items
        return value

    return sorted((json.dumps(sort_named(r), sort_keys=True) for r in resources))


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_web_worker_beat_and_migrations_are_shaped_for_more_than_one_server(overlay):
    resources = build(KUBE / "overlays" / overlay)
    deployments = _by_kind(resources, "Deployment")
    web = deployments["coproduction-web"]["spec"]["template"]["spec"]["containers"][0]
    assert web["command"][0] == "gunicorn"
    assert web["readinessProbe"]["httpGet"]["path"] == "/health/ready"
    assert web["livenessProbe"]["httpGet"]["path"] == "/health/live"
    hpa = _by_kind(resources, "HorizontalPodAutoscaler")["coproduction-web"]["spec"]
    assert hpa["scaleTargetRef"] == {"apiVersion": "apps/v1", "kind": "Deployment", "name": "coproduction-web"}
    assert hpa["metrics"][0]["resource"]["name"] == "cpu" and hpa["minReplicas"] >= 2

    scaled = _by_kind(resources, "ScaledObject")["coproduction-worker"]["spec"]
    assert scaled["scaleTargetRef"]["name"] in deployments
    trigger = scaled["triggers"][0]
    assert trigger["type"] == "redis" and trigger["metadata"]["listName"] == "celery"  # Celery's default queue
    assert scaled["minReplicaCount"] >= 1, "/health/ready needs a worker, so the workers never scale to zero"
    assert trigger["authenticationRef"]["name"] in _by_kind(resources, "TriggerAuthentication")

    beat = deployments["coproduction-beat"]["spec"]
    assert beat["replicas"] == 1 and beat["strategy"]["type"] == "Recreate"
    assert "beat" in beat["template"]["spec"]["containers"][0]["command"]
    job = _by_kind(resources, "Job")["coproduction-migrate"]["spec"]["template"]["spec"]
    assert job["containers"][0]["command"][-2:] == ["migrate", "--noinput"] and job["restartPolicy"] == "Never"
    images = {c["image"] for r in resources for c in _containers(r)}
    assert len(images) == 1, "web, worker, beat and migrations run the same release"
    for name, deployment in deployments.items():
        for container in deployment["spec"]["template"]["spec"]["containers"]:
            assert container["resources"]["requests"]["cpu"] and container["resources"]["limits"]["memory"], name


@pytest.mark.parametrize("overlay", OVERLAYS)
def test_secrets_come_from_an_existing_secret_never_from_the_repository(overlay):
    resources = build(KUBE / "overlays" / overlay)
    assert not _by_kind(resources, "Secret"), "no Secret with values in the repository"
    config = _by_kind(resources, "ConfigMap")["coproduction-config"]["data"]
    secret_words = re.compile(r"SECRET|PASSWORD|TOKEN|DATABASE_URL|REDIS_URL|ACCESS_KEY", re.IGNORECASE)
    assert not [key for key in config if secret_words.search(key)]
    for resource in resources:
        for container in _containers(resource):
            sources = {(k, v["name"]) for source in container.get("envFrom", []) for k, v in source.items()}
            assert ("secretRef", "coproduction-secrets") in sources, f"{resource['metadata']['name']} reads the Secret"
            assert not container.get("env"), "settings come from the ConfigMap and the Secret only"
    # Every setting in the ConfigMap is one the service (or gunicorn) reads.
    settings_text = (ROOT / "coproduction" / "settings.py").read_text()
    read_elsewhere = {"WEB_CONCURRENCY", "XDG_CACHE_HOME"}
    unread = [key for key in config if key not in read_elsewhere and not re.search(rf'env(\.\w+)?\("{key}"', settings_text)]
    assert not unread, f"ConfigMap keys no setting reads: {unread}"


def test_report_files_are_shared_by_every_web_and_worker_pod():
    """Object storage in the example overlay; or one ReadWriteMany volume, mounted where
    MEDIA_ROOT says, in the pods that write reports and the pods that serve them."""
    example = build(KUBE / "overlays" / "example")
    config = _by_kind(example, "ConfigMap")["coproduction-config"]["data"]
    assert config["AWS_STORAGE_BUCKET_NAME"] and not _by_kind(example, "PersistentVolumeClaim")

    shared = build(KUBE / "overlays" / "shared-volume")
    claim = _by_kind(shared, "PersistentVolumeClaim")["coproduction-reports"]
    assert claim["spec"]["accessModes"] == ["ReadWriteMany"]
    media_root = _by_kind(shared, "ConfigMap")["coproduction-config"]["data"]["MEDIA_ROOT"]
    for name in ("coproduction-web", "coproduction-worker"):
        pod = _by_kind(shared, "Deployment")[name]["spec"]["template"]["spec"]
        volumes = {v["name"] for v in pod["volumes"] if v.get("persistentVolumeClaim", {}).get("claimName") == "coproduction-reports"}
        mounts = {m["mountPath"] for m in pod["containers"][0]["volumeMounts"] if m["name"] in volumes}
        assert mounts == {media_root}, name


def test_kubernetes_validate_works_offline():
    """The schemas ship inside the package: CI needs no download."""
    assert os.path.isdir(Path(kubernetes_validate.__file__).parent / "kubernetes-json-schema")
