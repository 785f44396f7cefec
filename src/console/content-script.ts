// The content pages' own small script, served as /console/assets/content.js (the shared console.js sends the
// forms). It does two things plain HTML cannot:
// - a lesson's citations are repeated rows (statute + article); the rows keep a hidden field named "citations"
//   (data-type="json") up to date, so console.js sends them as a real array, never as JSON an officer types;
// - a law file chosen in <input type="file" data-law-file> is read into the textarea named by its data-target, so
//   the import form posts the file's text (and the officer can look at it first).
export const contentScript = `(() => {
  "use strict";

  function syncCitations(box) {
    const hidden = box.querySelector('input[name="citations"]');
    if (!hidden) return;
    const rows = Array.from(box.querySelectorAll("[data-citation-row]")).map((row) => ({
      document: row.querySelector("[data-citation-document]").value.trim(),
      article: row.querySelector("[data-citation-article]").value.trim(),
    }));
    hidden.value = JSON.stringify(rows.filter((r) => r.document || r.article));
  }

  document.addEventListener("input", (event) => {
    const box = event.target instanceof Element ? event.target.closest("[data-citations]") : null;
    if (box) syncCitations(box);
  });

  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const add = target.closest("[data-citation-add]");
    const remove = target.closest("[data-citation-remove]");
    if (!add && !remove) return;
    event.preventDefault();
    const box = target.closest("[data-citations]");
    if (add) {
      const template = box.querySelector("template");
      const list = box.querySelector("[data-citation-list]");
      list.append(template.content.cloneNode(true));
      const rows = list.querySelectorAll("[data-citation-row]");
      rows[rows.length - 1].querySelector("input").focus();
    } else {
      remove.closest("[data-citation-row]").remove();
    }
    syncCitations(box);
  });

  document.addEventListener("change", async (event) => {
    const input = event.target;
    if (!(input instanceof HTMLInputElement) || input.dataset.lawFile === undefined) return;
    const file = input.files && input.files[0];
    const target = document.querySelector('textarea[name="' + input.dataset.target + '"]');
    const note = input.parentElement.querySelector("[data-law-file-note]");
    if (!file || !target) return;
    target.value = await file.text();
    if (note) note.textContent = file.name + " · " + Math.ceil(file.size / 1024).toLocaleString("vi-VN") + " KB";
  });
})();
`;
