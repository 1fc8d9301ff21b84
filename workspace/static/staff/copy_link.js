// The applicant's link, shown once after a form is created: a button copies it (blind probe r73c, F9).
// A file, not inline: the admin's Content-Security-Policy runs scripts from 'self' only.
"use strict";

(function () {
  function copied(button) {
    button.textContent = button.dataset.copied;
  }

  function copyBySelection(source, button) {
    // Where the Clipboard API is missing (a page served over plain http to another host): select and copy.
    const range = document.createRange();
    range.selectNodeContents(source);
    const selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    if (document.execCommand("copy")) {
      copied(button);
    }
  }

  function copy(button) {
    const source = button.previousElementSibling;
    if (!source) {
      return;
    }
    const text = source.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(
        function () { copied(button); },
        function () { copyBySelection(source, button); }
      );
    } else {
      copyBySelection(source, button);
    }
  }

  function wire() {
    document.querySelectorAll("button.copy-link").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", wire);
  } else {
    wire();
  }
})();
