/* Progressive enhancement of the newsletter signup box: answer inline instead of loading a
   new page. Without JavaScript, or if the request fails, the form posts normally. */
(function () {
  "use strict";
  if (window.careerNewsletterReady) return;
  window.careerNewsletterReady = true;

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-career-newsletter]")) return;
    var body = form.closest("[data-career-newsletter-body]");
    if (!body || !window.fetch) return;
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "omit"
    })
      .then(function (response) { return response.json(); })
      .then(function (data) {
        var section = body.parentNode;
        body.outerHTML = data.html;
        // Move focus to the answer: the thank-you message or the first field in error.
        var target = section.querySelector(".career-newsletter__message, [aria-invalid=true]");
        if (target) target.focus();
      })
      .catch(function () { form.submit(); });
  });
})();
