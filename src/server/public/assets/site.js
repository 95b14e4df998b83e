/*
 * Optional enhancements for the public site. Every page works without this file (Tor Browser "Safest" runs no
 * script); with it:
 * - the receipt page shows a Print button;
 * - forms marked data-upload show a progress bar while large files are sent.
 * Its words come from the page (data attributes), in the page's language.
 * No third-party code, no inline script (the Content-Security-Policy forbids it), no storage, no tracking.
 */
/* global window, document, location, history, DOMParser, XMLHttpRequest, FormData */
(function () {
  'use strict';

  /* Below this many bytes of files, the form is sent the ordinary way: there is nothing to wait for. */
  var PROGRESS_FROM_BYTES = 1024 * 1024;

  function enhancePrint(root) {
    var button = root.querySelector('#print-receipt');
    if (!button || typeof window.print !== 'function') return;
    button.hidden = false;
    button.addEventListener('click', function () {
      window.print();
    });
  }

  function selectedBytes(form) {
    var total = 0;
    var inputs = form.querySelectorAll('input[type=file]');
    for (var i = 0; i < inputs.length; i++) {
      var files = inputs[i].files || [];
      for (var j = 0; j < files.length; j++) total += files[j].size;
    }
    return total;
  }

  /* Shows the page the server answered with, as if the browser had loaded it itself. */
  function showResponse(xhr) {
    var doc = new DOMParser().parseFromString(xhr.responseText, 'text/html');
    document.title = doc.title;
    document.body.replaceWith(document.adoptNode(doc.body));
    if (xhr.responseURL && xhr.responseURL !== location.href) history.replaceState(null, '', xhr.responseURL);
    window.scrollTo(0, 0);
    enhance(document);
    var focus = document.querySelector('.error-summary') || document.getElementById('main');
    if (focus) focus.focus();
  }

  function enhanceUpload(form) {
    var box = form.querySelector('.upload-progress');
    var bar = box && box.querySelector('progress');
    var status = box && box.querySelector('.upload-status');
    var button = form.querySelector('button[type=submit]');
    if (!box || !bar || !status || !window.XMLHttpRequest || !window.FormData || !window.DOMParser) return;

    form.addEventListener('submit', function (event) {
      var total = selectedBytes(form);
      if (total < PROGRESS_FROM_BYTES) return;
      event.preventDefault();
      var xhr = new XMLHttpRequest();
      xhr.open('POST', form.action);
      xhr.upload.addEventListener('progress', function (e) {
        if (!e.lengthComputable) return;
        var percent = Math.floor((e.loaded / e.total) * 100);
        bar.value = percent;
        status.textContent =
          percent < 100 ? box.dataset.sent.replace('{percent}', String(percent)) : box.dataset.stored;
      });
      xhr.addEventListener('load', function () {
        showResponse(xhr);
      });
      function failed() {
        if (button) button.disabled = false;
        status.textContent = box.dataset.failed;
      }
      xhr.addEventListener('error', failed);
      xhr.addEventListener('abort', failed);
      box.hidden = false;
      bar.value = 0;
      status.textContent = box.dataset.sending;
      if (button) button.disabled = true;
      xhr.send(new FormData(form));
    });
  }

  function enhance(root) {
    enhancePrint(root);
    var forms = root.querySelectorAll('form[data-upload]');
    for (var i = 0; i < forms.length; i++) enhanceUpload(forms[i]);
  }

  enhance(document);
})();
