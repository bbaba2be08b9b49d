// The response page: renders the request's Camunda Form with bpmn-io's form viewer (the version
// Tasklist bundles) and sends the answers typed as Tasklist sends them.
(function () {
  'use strict';
  var config = JSON.parse(document.getElementById('cspr-response').textContent);
  var form = new FormViewer.Form({ container: document.getElementById('form') });
  var ready = form.importSchema(config.schema, config.data);
  var submitMessage = document.getElementById('submit-message');
  var submitButton = document.getElementById('submit');

  // as Tasklist does: objects and lists go as Json, everything else untyped for the server to infer
  function typed(data) {
    var variables = {};
    Object.keys(data).forEach(function (key) {
      var value = data[key];
      variables[key] = value !== null && typeof value === 'object'
        ? { type: 'Json', value: JSON.stringify(value) }
        : { value: value };
    });
    return variables;
  }

  function post(url, body, headers) {
    return fetch(url, { method: 'POST', body: body, headers: headers, credentials: 'omit' })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (json) {
          return { ok: response.ok, status: response.status, json: json };
        });
      });
  }

  submitButton.addEventListener('click', function () {
    ready.then(function () {
      var result = form.submit();
      if (Object.keys(result.errors).length) {
        // a page that needs a document (the reviewer's report) says so at once, not on a second try
        var nothingAttached = config.documentRequired && !list.children.length && !file.files.length;
        submitMessage.textContent = 'Please complete the fields marked above.'
          + (nothingAttached ? ' Attach the report too: choose the document above.' : '');
        return;
      }
      submitButton.disabled = true;
      submitMessage.textContent = '';
      // a document chosen is a document meant to be sent: attach it first, and send nothing if it is refused
      attachChosen().then(function (attached) {
        if (!attached) {
          submitButton.disabled = false;
          submitMessage.textContent = 'Your answers have not been sent: the document you chose was not attached'
            + ' (see Documents above). Choose another document, or clear the choice, and send again.';
          return;
        }
        return post(config.submitUrl, JSON.stringify({ variables: typed(result.data) }), { 'Content-Type': 'application/json' })
          .then(function (response) {
            if (response.ok) {
              var main = document.getElementById('main');
              main.innerHTML = '';
              var done = document.createElement('div');
              done.className = 'done';
              var heading = document.createElement('h1');
              heading.textContent = config.doneTitle || 'Thank you: your information has been sent';
              var text = document.createElement('p');
              text.textContent = response.json.message;
              done.appendChild(heading);
              done.appendChild(text);
              main.appendChild(done);
            } else {
              submitButton.disabled = false;
              submitMessage.textContent = response.json.message || 'Your answers could not be sent. Please try again.';
            }
          });
      }).catch(function () {
        submitButton.disabled = false;
        submitMessage.textContent = 'Your answers could not be sent: check your connection and try again.';
      });
    });
  });

  var list = document.getElementById('document-list');
  var file = document.getElementById('document-file');
  var documentMessage = document.getElementById('document-message');

  function showDocuments(documents) {
    list.innerHTML = '';
    documents.forEach(function (d) {
      var item = document.createElement('li');
      item.textContent = d.name;
      list.appendChild(item);
    });
  }

  fetch(config.documentsUrl, { credentials: 'omit' })
    .then(function (r) { return r.ok ? r.json() : []; })
    .then(showDocuments);

  var uploading = null;

  /**
   * Attaches the chosen document, if any: resolves true when there is nothing left to attach, false
   * when the document was refused (the reason is shown beside it). One upload at a time.
   */
  function attachChosen() {
    if (uploading) {
      return uploading;
    }
    if (!file.files.length) {
      return Promise.resolve(true);
    }
    var body = new FormData();
    body.append('file', file.files[0]);
    documentMessage.className = '';
    documentMessage.textContent = 'Attaching ' + file.files[0].name + '…';
    uploading = post(config.documentsUrl, body, {}).then(function (response) {
      documentMessage.className = response.ok ? '' : 'error';
      documentMessage.textContent = response.json.message || (response.ok ? '' : 'The document could not be attached.');
      if (!response.ok) {
        return false;
      }
      file.value = '';
      return fetch(config.documentsUrl, { credentials: 'omit' }).then(function (r) { return r.json(); })
        .then(showDocuments).then(function () { return true; });
    }).finally(function () {
      uploading = null;
    });
    return uploading;
  }

  // choosing a document attaches it: nothing chosen is left behind when the answers are sent
  file.addEventListener('change', function () {
    attachChosen();
  });

  document.getElementById('document-upload').addEventListener('click', function () {
    if (!file.files.length) {
      documentMessage.className = 'error';
      documentMessage.textContent = 'Choose a document first.';
      return;
    }
    attachChosen();
  });
})();
