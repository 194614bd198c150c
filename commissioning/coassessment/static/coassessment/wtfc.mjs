// Drag a statement onto a theme to put it there. Each statement's own "Theme" form does the
// same without JavaScript; dropping only fills in that form and submits it (htmx then swaps
// the board in place).
let dragged = null;

document.addEventListener("dragstart", (event) => {
  const card = event.target.closest?.(".app-wtfc-statement[draggable]");
  if (!card) return;
  dragged = card;
  event.dataTransfer.effectAllowed = "move";
  event.dataTransfer.setData("text/plain", card.dataset.statement);
  card.classList.add("app-wtfc-statement--dragging");
});

document.addEventListener("dragend", () => {
  dragged?.classList.remove("app-wtfc-statement--dragging");
  document.querySelectorAll(".app-wtfc-theme--over").forEach((el) => el.classList.remove("app-wtfc-theme--over"));
  dragged = null;
});

document.addEventListener("dragover", (event) => {
  const theme = event.target.closest?.(".app-wtfc-theme");
  if (!theme || !dragged) return;
  event.preventDefault();
  theme.classList.add("app-wtfc-theme--over");
});

document.addEventListener("dragleave", (event) => {
  event.target.closest?.(".app-wtfc-theme")?.classList.remove("app-wtfc-theme--over");
});

document.addEventListener("drop", (event) => {
  const theme = event.target.closest?.(".app-wtfc-theme");
  if (!theme || !dragged) return;
  event.preventDefault();
  const form = dragged.querySelector("form.app-wtfc-move");
  if (!form) return;
  form.querySelector("select[name=theme]").value = theme.dataset.theme;
  form.requestSubmit();
});
