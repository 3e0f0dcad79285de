/* Progressive enhancement for the share links (includes/share.html).
 * The links work without this script; it only reveals the buttons the browser supports:
 * "copy link" (Clipboard API) and the device's own share sheet (Web Share API). */
(function () {
  "use strict";

  function setup(section) {
    var url = section.getAttribute("data-url");
    var title = section.getAttribute("data-title");
    var status = section.querySelector("[data-career-share-status]");

    var copyItem = section.querySelector("[data-career-share-copy]");
    if (copyItem && navigator.clipboard && window.isSecureContext) {
      var copyButton = copyItem.querySelector("button");
      copyButton.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(
          function () { status.textContent = copyButton.getAttribute("data-copied"); },
          function () { status.textContent = copyButton.getAttribute("data-failed"); }
        );
      });
      copyItem.hidden = false;
    }

    var nativeItem = section.querySelector("[data-career-share-native]");
    if (nativeItem && navigator.share) {
      nativeItem.querySelector("button").addEventListener("click", function () {
        // A visitor closing the share sheet rejects the promise: nothing to report.
        navigator.share({ title: title, url: url }).catch(function () {});
      });
      nativeItem.hidden = false;
    }
  }

  document.querySelectorAll("[data-career-share]").forEach(setup);
})();
