/**
 * A one-line text field over the canvas for the learner's name (a canvas has no text
 * input, and a phone's keyboard needs a real one). Plain DOM, filled and read as text
 * only. Its keys stop at the field, so the game's menus underneath do not hear the
 * typing; Enter (or leaving the field) keeps the name, Esc keeps the old one.
 */
export interface NameFieldOptions {
  label: string;
  initial: string;
  maxLength: number;
  onDone(name: string | null): void;
}

export function askName(o: NameFieldOptions): void {
  document.getElementById("learner-name-box")?.remove();
  const box = document.createElement("div");
  box.id = "learner-name-box";
  box.style.cssText = "position:fixed;inset:0;display:flex;align-items:center;justify-content:center;background:rgba(11,18,27,.7);z-index:6";
  const form = document.createElement("form");
  form.style.cssText = "background:#1f3045;border:2px solid #f2c14e;border-radius:10px;padding:20px;display:flex;flex-direction:column;gap:10px;width:min(90vw,520px);font:18px sans-serif;color:#f3f5f8";
  const label = document.createElement("label");
  label.textContent = o.label;
  label.htmlFor = "learner-name";
  const input = document.createElement("input");
  input.id = "learner-name";
  input.type = "text";
  input.value = o.initial;
  input.maxLength = o.maxLength;
  input.autocomplete = "name";
  input.style.cssText = "font:20px sans-serif;padding:8px;border-radius:6px;border:1px solid #4d6b8a;background:#14202e;color:#f3f5f8";
  form.append(label, input);
  box.append(form);
  let done = false;
  const finish = (name: string | null) => {
    if (done) return;
    done = true;
    box.remove();
    o.onDone(name);
  };
  for (const type of ["keydown", "keyup", "keypress"] as const) {
    input.addEventListener(type, (e) => {
      e.stopPropagation();
      if (type === "keydown" && e.key === "Escape") finish(null);
      // Enter on its keydown, not the form's submit: the Enter that opened the field would submit it at once.
      else if (type === "keydown" && e.key === "Enter" && !e.isComposing) finish(input.value);
    });
  }
  form.addEventListener("submit", (e) => e.preventDefault());
  input.addEventListener("blur", () => finish(input.value));
  box.addEventListener("pointerdown", (e) => {
    if (e.target === box) finish(input.value);
  });
  document.body.append(box);
  input.focus();
  input.select();
}
