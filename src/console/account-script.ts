// The small script of the account and officers pages, served as /console/assets/account.js, beside the shared
// console script (which it relies on and does not change):
// - <input data-same-as="newPassword" data-mismatch="…"> must equal the named field of its form; the browser's own
//   validation then blocks the submit and says why, before anything is sent.
// - <form|button data-api … data-stay data-reveal="password" data-reveal-target="box-id"> shows a secret the API
//   returns only once (a new token, a one-time password) in the hidden box, inside its [data-secret] element;
//   data-reveal-link="/console/officers/{officer.id}" fills a [data-secret-link] link from the same answer.
// - <form data-reset-after> is cleared after a success (a password form must not keep the passwords).
export const accountScript = `(() => {
  "use strict";
  const pick = (answer, path) => path.split(".").reduce((node, key) => (node == null ? node : node[key]), answer);

  function checkSame(confirm) {
    const other = confirm.form && confirm.form.elements.namedItem(confirm.dataset.sameAs);
    const mismatch = other && other.value !== confirm.value && confirm.value !== "";
    confirm.setCustomValidity(mismatch ? confirm.dataset.mismatch || "Hai ô không khớp" : "");
  }

  document.addEventListener("input", (event) => {
    const el = event.target;
    if (!(el instanceof HTMLInputElement) || !el.form) return;
    el.form.querySelectorAll("input[data-same-as]").forEach(checkSame);
  });

  document.addEventListener("console:done", (event) => {
    const { element, answer } = event.detail || {};
    if (!element) return;
    if (element.dataset.reveal) {
      const box = document.getElementById(element.dataset.revealTarget || "");
      if (box) {
        const secret = box.querySelector("[data-secret]");
        if (secret) secret.textContent = String(pick(answer, element.dataset.reveal) ?? "");
        const link = box.querySelector("[data-secret-link]");
        if (link && element.dataset.revealLink) {
          link.href = element.dataset.revealLink.replace(/\\{([\\w.]+)\\}/g, (_, path) =>
            encodeURIComponent(String(pick(answer, path) ?? "")));
        }
        box.hidden = false;
        box.scrollIntoView({ block: "nearest" });
      }
    }
    if (element.tagName === "FORM" && element.dataset.resetAfter !== undefined) element.reset();
  });
})();
`;
