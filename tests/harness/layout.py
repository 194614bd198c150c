"""What axe cannot see, checked in the same Chromium page: reflow at 320 CSS px (WCAG 2.2
SC 1.4.10), text at 200 % (SC 1.4.4), a visible focus indicator on everything the keyboard
reaches (SC 2.4.7) and "Skip to main content" as the first Tab stop (SC 2.4.1).

Each check is one script run in the page as it is, so it costs a few milliseconds on top of a
page load the axe sweep makes anyway. Each returns a list of problems in words; an empty list
is a pass."""

NARROW = {"width": 320, "height": 640}
WIDE = {"width": 1280, "height": 720}

# Shared by the scripts below: which elements may scroll sideways, what is hidden on purpose,
# and how to name an element in a message.
_COMMON = r"""
const describe = (element) => {
  let name = element.tagName.toLowerCase();
  if (element.id) name += `#${element.id}`;
  const classes = [...element.classList].filter((c) => !c.startsWith("js-")).slice(0, 2);
  if (classes.length) name += "." + classes.join(".");
  const text = (element.innerText ?? element.textContent ?? "") || element.getAttribute("aria-label") || element.value || "";
  const words = text.trim().replace(/\s+/g, " ");
  return words ? `${name} "${words.slice(0, 60)}"` : name;
};
// A table in a scrolling region of its own (GOV.UK's pattern): the one thing that may scroll
// sideways. It must be reachable by keyboard and have a role and a name.
const isTableRegion = (element) => {
  const style = getComputedStyle(element);
  return ["auto", "scroll"].includes(style.overflowX)
    && element.tabIndex >= 0
    && element.getAttribute("role") === "region"
    && !!(element.getAttribute("aria-label") || element.getAttribute("aria-labelledby"))
    && !!element.querySelector("table");
};
// Hidden from sight on purpose: GOV.UK's visually hidden text, a closed menu, a map's panes.
// Remembered per element, as every text node asks about the same ancestors.
const hiddenMemo = new Map();
const hiddenOnPurpose = (element) => {
  if (!element || element.nodeType !== 1) return false;
  if (hiddenMemo.has(element)) return hiddenMemo.get(element);
  const style = getComputedStyle(element);
  let hidden = style.display === "none" || style.visibility === "hidden" || style.clipPath !== "none" || style.clip !== "auto";
  if (!hidden && style.position === "absolute") {
    const box = element.getBoundingClientRect();
    hidden = box.width <= 1 && box.height <= 1;
  }
  hidden = hidden || hiddenOnPurpose(element.parentElement);
  hiddenMemo.set(element, hidden);
  return hidden;
};
// The ancestors (and the element itself) that cut off what overflows them, innermost first.
const clipperMemo = new Map();
const clippers = (element) => {
  if (!element || element === document.documentElement) return [];
  if (clipperMemo.has(element)) return clipperMemo.get(element);
  const style = getComputedStyle(element);
  const hidesX = ["hidden", "clip"].includes(style.overflowX);
  const hidesY = ["hidden", "clip"].includes(style.overflowY);
  const list = (hidesX || hidesY ? [[element, hidesX, hidesY]] : []).concat(clippers(element.parentElement));
  clipperMemo.set(element, list);
  return list;
};
"""

# The document may not scroll sideways; whatever sticks out past the right edge, or scrolls
# sideways inside the page, must be a table in its own scrolling region.
OVERFLOW_SCRIPT = _COMMON + r"""
() => {
  const problems = [];
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth > width + 1) {
    problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide in a ${width} px window`);
  }
  const seen = new Set();
  for (const element of document.body.querySelectorAll("*")) {
    if (element.closest("svg") && element.tagName.toLowerCase() !== "svg") continue;
    const style = getComputedStyle(element);
    const scrolls = ["auto", "scroll"].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
    if (scrolls && !isTableRegion(element) && !hiddenOnPurpose(element)) {
      problems.push(`${describe(element)} scrolls sideways (${element.scrollWidth} px in ${element.clientWidth} px) but is not a table in a focusable, labelled region`);
    }
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= width + 1 || style.position === "fixed") continue;
    // Report only the outermost element that sticks out, and nothing inside an allowed region
    // unless it escapes it: absolutely positioned with no positioned box between it and the region.
    let inside = false, positioned = false;
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const parentStyle = getComputedStyle(parent);
      if (seen.has(parent)) { inside = true; break; }
      if (isTableRegion(parent)) { inside = style.position !== "absolute" || positioned || parentStyle.position !== "static"; break; }
      if (["hidden", "clip"].includes(parentStyle.overflowX) && parent !== root && parent !== document.body) { inside = true; break; }
      if (parentStyle.position !== "static") positioned = true;
    }
    // Visually hidden text counts too: positioned outside its scrolling region, it widens the page.
    if (inside) continue;
    seen.add(element);
    problems.push(`${describe(element)} reaches ${Math.round(box.right)} px, past the ${width} px window`);
  }
  // Text can run past the edge of a box that fits: a long address or word that cannot wrap.
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!node.textContent.trim() || !element || seen.has(element)) continue;
    range.selectNodeContents(node);
    const right = range.getBoundingClientRect().right;
    if (right <= width + 1) continue;
    let inside = false;
    for (let parent = element; parent; parent = parent.parentElement) {
      if (seen.has(parent) || isTableRegion(parent)) { inside = true; break; }
    }
    if (inside || hiddenOnPurpose(element)) continue;
    seen.add(element);
    problems.push(`the text of ${describe(element)} runs to ${Math.round(right)} px, past the ${width} px window`);
  }
  return problems.slice(0, 12);
}
"""

# Text at 200 %: the root font size doubled (as a reader's browser setting does for rem-sized
# text), then: no sideways scrolling, no text cut off by an ancestor that hides its overflow, and
# no text that stayed its old size (an SVG chart's labels in fixed units, say). The page is put
# back as it was before returning.
TEXT_RESIZE_SCRIPT = _COMMON + r"""
() => {
  const textElements = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => node.textContent.trim() ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    if (!element || ["SCRIPT", "STYLE", "TITLE", "DESC", "NOSCRIPT", "TEMPLATE"].includes(element.tagName.toUpperCase())) continue;
    if (hiddenOnPurpose(element)) continue;
    textElements.push([node, element, parseFloat(getComputedStyle(element).fontSize)]);
  }
  const root = document.documentElement;
  const before = root.style.fontSize;
  root.style.fontSize = "200%";
  const problems = [];
  try {
    if (root.scrollWidth > root.clientWidth + 1) {
      problems.push(`at 200 % text the page scrolls sideways: ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    }
    const range = document.createRange();
    const reported = new Set();
    for (const [node, element, size] of textElements) {
      if (reported.has(element)) continue;
      const grown = parseFloat(getComputedStyle(element).fontSize);
      // An icon hidden from assistive technology (GOV.UK's warning "!", a map's "+") is a
      // picture drawn with a glyph, sized with its box: it need not grow, but must not be cut.
      if (grown < size * 1.5 && !element.closest('[aria-hidden="true"]')) {
        reported.add(element);
        problems.push(`${describe(element)} stays at ${Math.round(grown)} px when the text is made 200 %`);
        continue;
      }
      range.selectNodeContents(node);
      const text = range.getBoundingClientRect();
      if (text.width === 0 && text.height === 0) continue;
      for (const [parent, hidesX, hidesY] of clippers(element)) {
        const box = parent.getBoundingClientRect();
        const left = box.left + parent.clientLeft, top = box.top + parent.clientTop;
        const right = left + parent.clientWidth, bottom = top + parent.clientHeight;
        const cutX = hidesX && (text.left < left - 1 || text.right > right + 1);
        const cutY = hidesY && (text.top < top - 1 || text.bottom > bottom + 1);
        if (cutX || cutY) {
          reported.add(element);
          problems.push(`at 200 % text, ${describe(element)} is cut off by ${describe(parent)}, which hides its overflow`);
          break;
        }
      }
    }
  } finally {
    root.style.fontSize = before;
  }
  return problems.slice(0, 12);
}
"""

# Focus: run after one real Tab from the top of the page (so the browser treats focus as coming
# from the keyboard). The first stop must be the skip link. Then every element the keyboard can
# reach is focused in turn: its focus must change how it, its ::before/::after, or the label or
# parent that draws its focus (GOV.UK radios and checkboxes) look. Anything with a control's role
# that the keyboard cannot reach is a problem too.
FOCUS_SCRIPT = _COMMON + r"""
() => {
  const problems = [];
  const first = document.activeElement;
  if (!first || first === document.body || (first.innerText || "").trim() !== "Skip to main content") {
    problems.push(`the first Tab reaches ${first && first !== document.body ? describe(first) : "nothing"}, not "Skip to main content"`);
  }
  const properties = ["outlineStyle", "outlineWidth", "outlineColor", "outlineOffset", "boxShadow", "backgroundColor", "borderTopColor", "borderBottomColor", "borderBottomWidth", "textDecorationLine", "textDecorationThickness", "color"];
  const lookOf = (part, pseudo) => {
    const style = getComputedStyle(part, pseudo);
    const drawn = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return properties.map((p) => (p.startsWith("outline") && !drawn) ? "" : style[p]).join("|");
  };
  // The element's own look first; its pseudo-elements, label and parent only if that is unchanged.
  const around = (element) => {
    const looks = [];
    for (const part of [element, element.nextElementSibling, element.parentElement].filter(Boolean)) {
      for (const pseudo of part === element ? ["::before", "::after"] : [null, "::before", "::after"]) looks.push(lookOf(part, pseudo));
    }
    return looks.join("||");
  };
  const focusable = 'a[href], area[href], button, input:not([type="hidden"]), select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
  // Not rendered (display: none, visibility: hidden, inside a closed <details>): not reachable now.
  const hiddenOnPurposeForFocus = (element) => !element.checkVisibility({ visibilityProperty: true });
  const reachable = [...document.querySelectorAll(focusable)].filter((element) =>
    element.tabIndex >= 0 && !element.disabled && !element.closest("[inert]") && !hiddenOnPurposeForFocus(element));
  const start = document.activeElement;
  for (const element of reachable) {
    if (element === start) element.blur();
    const unfocused = lookOf(element, null);
    element.focus({ preventScroll: true, focusVisible: true });
    if (document.activeElement !== element) {
      problems.push(`${describe(element)} is in the tab order but cannot take focus`);
      continue;
    }
    let changed = lookOf(element, null) !== unfocused;
    element.blur();
    if (!changed) {  // a GOV.UK radio or checkbox draws its focus on its label: look around it
      const unfocusedAround = around(element);
      element.focus({ preventScroll: true, focusVisible: true });
      changed = around(element) !== unfocusedAround;
      element.blur();
    }
    if (!changed) problems.push(`${describe(element)} shows no change when it has focus`);
  }
  const controlRoles = ["button", "link", "checkbox", "radio", "switch", "tab", "menuitem", "combobox", "textbox", "slider", "spinbutton", "searchbox", "option"];
  for (const element of document.querySelectorAll(controlRoles.map((role) => `[role="${role}"]`).join(", "))) {
    if (element.matches(focusable) && element.tabIndex >= 0) continue;
    if (element.getAttribute("role") === "option" || hiddenOnPurposeForFocus(element)) continue;
    if (element.closest('[role="listbox"], [role="menu"], [role="tablist"], [role="radiogroup"]') && element.tabIndex === -1) continue;
    problems.push(`${describe(element)} has the role "${element.getAttribute("role")}" but the keyboard cannot reach it`);
  }
  if (start && start !== document.body) start.focus({ preventScroll: true });
  return problems.slice(0, 20);
}
"""


def layout_problems(page) -> list[str]:
    """Every check on the page as loaded at the wide window: first Tab and focus, text at
    200 %, then reflow at 320 px. The window is wide again when this returns."""
    page.keyboard.press("Tab")
    problems = page.evaluate(FOCUS_SCRIPT)
    problems += page.evaluate(TEXT_RESIZE_SCRIPT)
    page.set_viewport_size(NARROW)
    try:
        problems += [f"at 320 px: {problem}" for problem in page.evaluate(OVERFLOW_SCRIPT)]
    finally:
        page.set_viewport_size(WIDE)
    return problems
