// The applicant's intake page. Talks only to the public REST API (/api/v1/intake/<token>),
// uploads each file straight to the storage slot the API returns, then polls progress.
// The lead tenant's link may add co-tenants and guarantors (each gets their own link by email)
// and then sees whether each has submitted; an invited person's link shows who invited them.
(function () {
  "use strict";
  var app = document.getElementById("app");
  var api = app.dataset.api;
  var T = JSON.parse(document.getElementById("texts").textContent);
  var ALLOWED = { "application/pdf": true, "image/jpeg": true, "image/png": true };
  var EXTENSIONS = { pdf: "application/pdf", jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png" };
  var info = null;
  var ROLES = ["CO_TENANT", "GUARANTOR"];
  var WAITING_POLL_MS = 3000;
  var personCount = 0;
  var lastStatus = null;

  function $(id) { return document.getElementById(id); }
  // Each state is titled by its heading ("Candidatura recebida · Candidatura a imóvel"): every state had the same
  // title (blind probe r72a).
  function show(id) {
    ["loading", "unavailable", "intake", "progress"].forEach(function (s) { $(s).hidden = s !== id; });
    var heading = $(id).querySelector("h1");
    var text = heading ? heading.textContent.trim() : "";
    document.title = text ? text + " · " + T.page_title : T.page_title;
  }

  // A state the person's own action led to is read from its heading: the form they were on was hidden under the
  // focus, which fell to the page's top (blind probe r72a).
  function showAndFocus(id) {
    show(id);
    $(id).querySelector("h1").focus();
  }

  function request(method, path, body) {
    // No connection: the browser's own words ("Failed to fetch", in English) said nothing an applicant could
    // act on (probe C29); every caller shows the page's message instead.
    var offline = function () { throw new Error(T.network); };
    // "?lang" too: it comes before the header in the API (docs/api.md), so a browser or a proxy that sets its own
    // Accept-Language cannot turn the documents' reasons into another language than the page's (blind probe r72c).
    var lang = document.documentElement.lang === "en" ? "en" : "pt-pt";
    return fetch(api + path + (path.indexOf("?") >= 0 ? "&" : "?") + "lang=" + lang, {
      method: method,
      // The page's language for the answers, errors included (the browser's may be another).
      headers: Object.assign({ "Accept-Language": document.documentElement.lang }, body ? { "Content-Type": "application/json" } : {}),
      body: body ? JSON.stringify(body) : undefined,
      credentials: "omit",
    }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = { detail: text }; }
        return { status: response.status, data: data };
      }, offline);
    }, offline);
  }

  // --- validation (the server checks all of this again) ---------------------------------
  // An empty NIF is "required" and a short one "9 digits", as the server says: the check digit was blamed
  // for both (probe C29).
  function nifError(raw) {
    var nif = raw.replace(/[\s.\-]/g, "").toUpperCase().replace(/^PT/, "");
    if (!nif) return T.required;
    if (!/^\d{9}$/.test(nif)) return T.nif_length;
    var total = 0;
    for (var i = 0; i < 8; i++) total += Number(nif[i]) * (9 - i);
    var check = total % 11 < 2 ? 0 : 11 - (total % 11);
    if (check !== Number(nif[8])) return T.nif_invalid;
    if (!/^(1|2|3|45)/.test(nif)) return T.nif_not_person;
    return "";
  }

  function birthError(value) {
    if (!value) return T.required;
    var birth = new Date(value + "T00:00:00");
    if (isNaN(birth.getTime()) || birth.getFullYear() < 1900) return T.date_invalid;
    var today = new Date();
    var age = today.getFullYear() - birth.getFullYear();
    var m = today.getMonth() - birth.getMonth();
    if (m < 0 || (m === 0 && today.getDate() < birth.getDate())) age--;
    if (birth > today) return T.date_invalid;
    if (age < 18) return T.underage;
    return "";
  }

  // The server's person-name rule (applicants/text.py, person_name_shaped): words of letters of any script
  // with their marks, joined inside by apostrophes or hyphens, ending with a dot or a comma, or initials.
  // A name the server refused came back only after every file was uploaded, and unseen (probe C29).
  var LETTER = "[\\p{L}\\p{M}]";
  var NAME_WORD = new RegExp("^(?:(?:" + LETTER + "\\.)+|" + LETTER + "+(?:['\u2019\u02bc\\-\u2010\u2011]" + LETTER + "+)*\\.?),?$", "u");

  function nameError(raw) {
    var name = raw.trim().normalize("NFC");
    if (!name) return T.required;
    if (name.length < 2) return T.name_short;
    return name.split(/\s+/).every(function (word) { return NAME_WORD.test(word); }) ? "" : T.name_invalid;
  }

  // The server takes "+351 912 345 678" and "(21) 123 4567"; the common "(+351) 912 345 678" and
  // "+351.912.345.678" are written in its form before they are checked and sent (probe C29).
  function phoneValue() {
    return $("phone").value.trim().replace(/^\(\s*\+\s*(\d+)\s*\)/, "+$1").replace(/\./g, " ").replace(/\s+/g, " ");
  }

  function isHeic(file) {
    return /^image\/hei[cf]/.test(file.type) || /\.hei[cf]$/i.test(file.name);
  }

  function fileType(file) {
    var byExtension = EXTENSIONS[(file.name.split(".").pop() || "").toLowerCase()];
    return ALLOWED[file.type] ? file.type : byExtension || "";
  }

  // An empty file is said to be empty and an iPhone photo (HEIC) how to send it: both read "file type not
  // allowed", which told neither what to do (probe C29).
  function filesError(files, required, most) {
    if (required && files.length === 0) return T.required;
    if (most && files.length > most) return T.id_too_many;
    for (var i = 0; i < files.length; i++) {
      if (files[i].size === 0) return T.empty_file + " (" + files[i].name + ")";
      if (isHeic(files[i])) return T.heic + " (" + files[i].name + ")";
      if (!fileType(files[i])) return T.type_not_allowed + " (" + files[i].name + ")";
      if (info && files[i].size > info.max_file_size) return T.too_large + " " + Math.round(info.max_file_size / 1048576) + " MB (" + files[i].name + ")";
    }
    return "";
  }

  // A field's message is linked to it (aria-describedby) and read with it, not announced on its own: the summary by
  // the submit button is the one announcement (seven field alerts and the summary spoke at once, blind probe r72a).
  function setError(field, message) {
    var input = $(field);
    var slot = $(field + "-error");
    if (slot) slot.textContent = message || "";
    if (input) input.setAttribute("aria-invalid", message ? "true" : "false");
    return !message;
  }

  // The front and the back of an identity card, or one file (a PDF, a passport's page).
  var ID_FILES = 2;

  // An empty e-mail is "required", as every other empty field (it read "Indique um e-mail válido", blind probe r72a).
  function emailError(raw) {
    var email = raw.trim();
    if (!email) return T.required;
    return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? "" : T.email_invalid;
  }

  var CHECKS = {
    name: function () { return nameError($("name").value); },
    nif: function () { return nifError($("nif").value); },
    date_of_birth: function () { return birthError($("date_of_birth").value); },
    email: function () { return emailError($("email").value); },
    phone: function () { var phone = phoneValue(); return !phone || /^\+?[0-9 ()-]{6,20}$/.test(phone) ? "" : T.phone_invalid; },
    id_document: function () { return filesError($("id_document").files, true, ID_FILES); },
    income_documents: function () {
      var income = $("income_documents").files;
      var error = filesError(income, true);
      if (!error && income.length + $("id_document").files.length > info.max_documents) error = T.too_many + " " + info.max_documents;
      return error;
    },
    terms_accepted: function () { return $("terms_accepted").checked ? "" : T.terms; },
  };

  function validate() {
    var ok = true;
    Object.keys(CHECKS).forEach(function (id) { ok = setError(id, CHECKS[id]()) && ok; });
    return ok;
  }

  // One field at a time, once the person has typed in it and leaves it (or fixes it): every field was
  // checked on the first blur, so six errors showed for fields not reached yet (probe C29).
  ["name", "nif", "date_of_birth", "email", "phone"].forEach(function (id) {
    $(id).addEventListener("input", function () {
      $(id).dataset.touched = "true";
      if ($(id).getAttribute("aria-invalid") === "true") setError(id, CHECKS[id]());
    });
    $(id).addEventListener("blur", function () { if ($(id).dataset.touched) setError(id, CHECKS[id]()); });
  });
  $("terms_accepted").addEventListener("change", function () {
    if ($("terms_accepted").checked) setError("terms_accepted", "");
  });
  ["id_document", "income_documents"].forEach(function (id) {
    $(id).addEventListener("change", function () {
      setError(id, $(id).files.length ? CHECKS[id]() : "");
      chosenShow(id);
    });
  });

  // The files chosen, listed under their field with a "Remover" each, to check before sending: the browser's own
  // field shows "3 ficheiros" and takes one away only by choosing all again (blind probes C29 and r72a).
  function chosenShow(id) {
    var list = $(id + "-chosen");
    list.innerHTML = "";
    Array.prototype.forEach.call($(id).files, function (file, index) {
      var li = document.createElement("li");
      var name = document.createElement("span");
      name.textContent = file.name + " (" + sizeWords(file.size) + ")";
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "secondary remove";
      remove.textContent = T.remove;
      remove.setAttribute("aria-label", T.remove_named.replace("%(name)s", file.name));
      remove.addEventListener("click", function () { chosenRemove(id, index); });
      li.appendChild(name); li.appendChild(remove);
      list.appendChild(li);
    });
    list.hidden = $(id).files.length === 0;
  }

  // The field keeps every file but the one removed; the focus goes on to the next file's "Remover", else to the
  // field itself (with its row gone it fell to the page's top).
  function chosenRemove(id, removed) {
    var kept = new DataTransfer();
    Array.prototype.forEach.call($(id).files, function (file, index) { if (index !== removed) kept.items.add(file); });
    $(id).files = kept.files;
    setError(id, $(id).files.length ? CHECKS[id]() : "");
    chosenShow(id);
    var buttons = $(id + "-chosen").querySelectorAll("button.remove");
    (buttons[Math.min(removed, buttons.length - 1)] || $(id)).focus();
  }

  function sizeWords(bytes) {
    if (bytes < 1048576) return Math.max(1, Math.round(bytes / 1024)) + " KB";
    return (bytes / 1048576).toFixed(1).replace(".", T.decimal) + " MB";
  }

  // --- other people: co-tenants and guarantors the lead tenant invites ---------------------
  function personField(row, field, labelText, input) {
    var wrap = document.createElement("div");
    wrap.className = "field";
    var id = row + "-" + field;
    input.id = id;
    input.name = id;
    input.setAttribute("aria-describedby", id + "-error");
    var label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = labelText;
    var error = document.createElement("p");
    error.className = "error";
    error.id = id + "-error";
    wrap.appendChild(label); wrap.appendChild(input); wrap.appendChild(error);
    return wrap;
  }

  function personRow(list, removable) {
    var row = "person-" + personCount++;
    var li = document.createElement("li");
    li.dataset.row = row;
    var role = document.createElement("select");
    ROLES.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = T["role_" + value];
      role.appendChild(option);
    });
    var name = document.createElement("input");
    name.autocomplete = "off";
    var email = document.createElement("input");
    email.type = "email";
    email.autocomplete = "off";
    li.appendChild(personField(row, "role", T.person_role, role));
    li.appendChild(personField(row, "name", T.person_name, name));
    li.appendChild(personField(row, "email", T.person_email, email));
    if (removable) {
      var remove = document.createElement("button");
      remove.type = "button";
      remove.className = "secondary remove";
      remove.textContent = T.remove;
      remove.addEventListener("click", function () { personRemove(list, li); });
      name.addEventListener("input", function () { removeButtonsName(list); });
      li.appendChild(remove);
    }
    list.appendChild(li);
    removeButtonsName(list);
    return name;
  }

  // Each "Remover" says whom it removes, by the name typed, else by the row's number: every row's read "Remover"
  // (blind probe r72a). The name starts with the visible word, so voice control finds it by what it shows.
  function removeButtonsName(list) {
    Array.prototype.forEach.call(list.querySelectorAll("li[data-row]"), function (li, index) {
      var button = li.querySelector("button.remove");
      if (!button) return;
      var name = $(li.dataset.row + "-name").value.trim();
      button.setAttribute("aria-label", name ? T.remove_named.replace("%(name)s", name) : T.remove_numbered.replace("%(number)s", index + 1));
    });
  }

  // Focus goes on to the next person's "Remover", else to "Adicionar pessoa": with its row gone it fell to the
  // page's top (blind probe r72a).
  function personRemove(list, li) {
    var next = li.nextElementSibling;
    li.remove();
    removeButtonsName(list);
    var button = next && next.querySelector("button.remove");
    (button || $("add-person")).focus();
  }

  function peopleIn(list) {
    return Array.prototype.map.call(list.querySelectorAll("li[data-row]"), function (li) {
      var row = li.dataset.row;
      return { row: row, role: $(row + "-role").value, name: $(row + "-name").value.trim(), email: $(row + "-email").value.trim() };
    });
  }

  function validatePeople(people) {
    var ok = true;
    people.forEach(function (person) {
      ok = setError(person.row + "-name", nameError(person.name)) && ok;
      ok = setError(person.row + "-email", emailError(person.email)) && ok;
    });
    return ok;
  }

  function peopleBody(people) {
    return people.map(function (person) { return { role: person.role, name: person.name, email: person.email }; });
  }

  // Field errors of a list of people come back as [{}, {"email": ["..."]}], in the order sent.
  function peopleErrors(people, errors) {
    var shown = false;
    [].concat(errors || []).forEach(function (fields, index) {
      if (!people[index] || !fields || typeof fields !== "object") return;
      Object.keys(fields).forEach(function (field) {
        if ($(people[index].row + "-" + field + "-error")) {
          setError(people[index].row + "-" + field, [].concat(fields[field]).join(" "));
          shown = true;
        }
      });
    });
    return shown;
  }

  $("add-person").addEventListener("click", function () { personRow($("household-list"), true).focus(); });

  // --- uploads: ask for a slot, post the file straight to it ------------------------------
  function uploadRow(file, listId) {
    var li = document.createElement("li");
    var label = document.createElement("span");
    label.textContent = file.name;
    var bar = document.createElement("progress");
    bar.max = 100; bar.value = 0;
    bar.setAttribute("aria-label", T.uploading + " " + file.name);
    var state = document.createElement("span");
    state.className = "state";
    li.appendChild(label); li.appendChild(bar); li.appendChild(state);
    $(listId || "uploads").appendChild(li);
    return { li: li, bar: bar, state: state };
  }

  // A failed row puts its message on a line of its own: beside the name it squeezed the name into a column one
  // letter wide (probe C29).
  function rowFailed(row, message) {
    row.li.className = "failed";
    row.state.textContent = message;
  }

  // A file the server refused, by name, for its field (a failure of the connection is no fault of the file's).
  function fileRefusal(name, field, message) {
    var error = new Error(message);
    error.file = name;
    error.field = field;
    return error;
  }

  // The storage's own refusal ({"detail", "code"} from the local store; S3 answers XML, said as a failed upload).
  function storageDetail(xhr) {
    try { return (JSON.parse(xhr.responseText) || {}).detail || ""; } catch (e) { return ""; }
  }

  // ``sent`` collects each file's name, field and row in the order of the documents: a refusal the server ties to
  // a document (its index, docs/api.md "Errors") is said at that file's row and field.
  function upload(file, documentType, field, listId, sent) {
    var row = uploadRow(file, listId);
    sent.push({ name: file.name, field: field, row: row });
    var contentType = fileType(file);
    return request("POST", "/uploads", { filename: file.name, content_type: contentType, size: file.size, document_type: documentType })
      .then(function (slot) {
        if (slot.status !== 201) {
          var refused = (slot.data && slot.data.detail) || T.upload_failed;
          rowFailed(row, refused);
          throw fileRefusal(file.name, field, refused);
        }
        return new Promise(function (resolve, reject) {
          var form = new FormData();
          Object.keys(slot.data.upload.fields).forEach(function (name) { form.append(name, slot.data.upload.fields[name]); });
          form.append("file", file);
          var xhr = new XMLHttpRequest();
          xhr.open("POST", slot.data.upload.url);
          xhr.upload.onprogress = function (event) { if (event.lengthComputable) row.bar.value = Math.round((event.loaded / event.total) * 100); };
          xhr.onload = function () {
            if (xhr.status >= 200 && xhr.status < 300) {
              row.bar.value = 100; row.state.textContent = T.uploaded;
              resolve({ key: slot.data.key, original_filename: file.name, content_type: contentType, document_type: documentType });
              return;
            }
            var refused = storageDetail(xhr);
            rowFailed(row, refused || T.upload_failed);
            reject(refused ? fileRefusal(file.name, field, refused) : new Error(T.upload_failed));
          };
          xhr.onerror = function () { rowFailed(row, T.upload_failed); reject(new Error(T.upload_failed)); };
          xhr.send(form);
        });
      });
  }

  // A refused file is named in the summary, its row says it was refused and its field is marked with the message,
  // and focused: the summary alone did not say which file, every row read "Carregado" (blind probe r72a).
  function fileRefused(file, message, summaryId) {
    var said = T.refused_file.replace("%(name)s", file.name) + " " + message;
    if (file.row) rowFailed(file.row, message);
    setError(file.field, said);
    $(summaryId).textContent = T.submit_failed + " " + said;
    $(file.field).focus();
  }

  // The file a submission's refusal names by its index in ``documents``, if it names one.
  function refusedFile(data, sent) {
    return data && typeof data.document === "number" ? sent[data.document] || null : null;
  }

  function serverErrors(data, people) {
    if (!data) return T.upload_failed;
    if (data.code) return data.detail;
    var shown = false;
    Object.keys(data).forEach(function (field) {
      if (field === "household") { shown = peopleErrors(people, data.household) || shown; return; }
      if ($(field + "-error")) { setError(field, [].concat(data[field]).join(" ")); shown = true; }
    });
    return shown ? "" : JSON.stringify(data);
  }

  // A field error the server found was shown under its field only, far above the submit button where the
  // applicant is; they saw every file "Uploaded" and took the application for sent (probe C29). Said here,
  // by the button, naming the fields, and the first of them is scrolled to and focused.
  function pointToErrors() {
    var fields = Array.prototype.filter.call(document.querySelectorAll("#intake-form [aria-invalid=true]"), function (input) {
      return input.offsetParent !== null || input.type === "checkbox";
    });
    if (!fields.length) return false;
    var names = fields.map(function (input) {
      var label = document.querySelector("label[for='" + input.id + "']");
      return label ? label.textContent.trim() : input.id;
    });
    $("form-error").textContent = (fields.length === 1 ? T.fix_field : T.fix_fields) + " " + names.join(", ");
    fields[0].scrollIntoView({ block: "center" });
    fields[0].focus({ preventScroll: true });
    return true;
  }

  // A refusal of the whole submission (no connection, a code of no field) is said by the summary, which takes the
  // focus the disabled button lost: it fell to the page's top (blind probe r72a).
  function submissionFailed(message) {
    $("form-error").textContent = message;
    if (!document.activeElement || document.activeElement === document.body) $("form-error").focus();
  }

  function isLead() { return info && info.role === "TENANT"; }

  $("intake-form").addEventListener("submit", function (event) {
    event.preventDefault();
    $("form-error").textContent = "";
    var people = isLead() ? peopleIn($("household-list")) : [];
    var valid = validate();
    valid = validatePeople(people) && valid;
    if (!valid) { pointToErrors(); return; }
    $("submit").disabled = true;
    $("uploads").innerHTML = "";
    // Each side of the identity card is an ID_DOCUMENT of its own (probe C29: the back went in as income).
    var jobs = [];
    var sent = [];
    Array.prototype.forEach.call($("id_document").files, function (file) { jobs.push(upload(file, "ID_DOCUMENT", "id_document", "uploads", sent)); });
    Array.prototype.forEach.call($("income_documents").files, function (file) { jobs.push(upload(file, "PROOF_OF_INCOME", "income_documents", "uploads", sent)); });
    Promise.all(jobs).then(function (documents) {
      var body = {
        nif: $("nif").value, name: $("name").value.trim(), date_of_birth: $("date_of_birth").value,
        email: $("email").value.trim(), phone: phoneValue(), terms_accepted: $("terms_accepted").checked,
        // The notice this page showed: what is kept as accepted (blind probe r64b, F11).
        consent_notice_sha256: app.dataset.consentNotice || "",
        documents: documents,
      };
      if (people.length) body.household = peopleBody(people);
      if ($("income_profile").value) body.income_profile = $("income_profile").value;
      return request("POST", "/submissions", body);
    }).then(function (result) {
      if (result.status === 201) { showAndFocus("progress"); poll(); return; }
      $("submit").disabled = false;
      var refused = refusedFile(result.data, sent);
      if (refused) { fileRefused(refused, result.data.detail, "form-error"); return; }
      var message = serverErrors(result.data, people);
      if (message) submissionFailed(T.submit_failed + " " + message);
      else pointToErrors();
    }).catch(function (error) {
      $("submit").disabled = false;
      if (error.field) { fileRefused({ name: error.file, field: error.field }, error.message, "form-error"); return; }
      submissionFailed(error.message || T.upload_failed);
    });
  });

  // --- progress ---------------------------------------------------------------------------
  function poll() {
    request("GET", "/status").then(function (result) {
      if (result.status !== 200) { setTimeout(poll, 4000); return; }
      var status = result.data.status;
      // The status is a live region: written again unchanged, each poll would be read out again.
      var said = T["status_" + status] || status;
      if ($("progress-status").textContent !== said) $("progress-status").textContent = said;
      $("progress").dataset.status = status;
      var list = $("progress-documents");
      list.innerHTML = "";
      result.data.documents.forEach(function (doc) {
        var li = document.createElement("li");
        li.textContent = doc.original_filename + ": " + (T["doc_" + doc.status] || doc.status) + (doc.reason ? " (" + doc.reason + ")" : "");
        li.dataset.status = doc.status;
        list.appendChild(li);
      });
      showHousehold(result.data.household || []);
      var ended = lastStatus === "PROCESSING" && status !== "PROCESSING";
      lastStatus = status;
      if (ended) { serverSectionsRefresh(); return; }
      if (status === "PROCESSING") setTimeout(poll, 2000);
      else if (status === "WAITING") setTimeout(poll, WAITING_POLL_MS);
    });
  }

  // A run that ends changes what the server renders (the explanation, what is still asked): those sections of the
  // page are fetched again and put in place. The page reloaded itself instead, which took a screen reader back to
  // its top a few seconds after submitting (blind probe r72a).
  function serverSectionsRefresh() {
    fetch(window.location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(function (html) {
        var fresh = new DOMParser().parseFromString(html, "text/html");
        serverSectionReplace(fresh, "more-info", "beforebegin");
        serverSectionReplace(fresh, "explanation", "afterend");
        secondRoundBind();
      })
      .catch(function () { window.location.reload(); });
  }

  // The section as the server renders it now, where the template puts it (before or after the progress), or none.
  function serverSectionReplace(fresh, id, where) {
    var now = fresh.getElementById(id);
    var section = now ? document.importNode(now, true) : null;
    var old = $(id);
    if (old && section) old.replaceWith(section);
    else if (old) old.remove();
    else if (section) $("progress").insertAdjacentElement(where, section);
  }

  // On the lead's link: each invited person and whether they have submitted (never their data).
  function showHousehold(household) {
    var list = $("household-status");
    list.innerHTML = "";
    household.forEach(function (person) {
      var li = document.createElement("li");
      li.dataset.status = person.invitation_status;
      li.dataset.role = person.role;
      // A person a forced screening went ahead without is out of this run, whatever their invitation's status.
      var status = person.left_out_at ? "LEFT_OUT" : person.invitation_status;
      li.textContent = person.name + " · " + (T["role_" + person.role] || person.role) + ": " + (T["inv_" + status] || status);
      list.appendChild(li);
    });
    $("household-progress").hidden = household.length === 0;
    // More people can join while the application still waits for someone.
    var canInvite = isLead() && $("progress").dataset.status === "WAITING";
    $("invite-more").hidden = !canInvite;
    if (canInvite && !$("invite-more-list").children.length) personRow($("invite-more-list"), false);
  }

  $("invite-more").addEventListener("submit", function (event) {
    event.preventDefault();
    $("invite-more-error").textContent = "";
    $("invite-more-done").textContent = "";
    var people = peopleIn($("invite-more-list"));
    if (!validatePeople(people)) return;
    $("invite-more-submit").disabled = true;
    request("POST", "/invitations", peopleBody(people)[0]).then(function (result) {
      $("invite-more-submit").disabled = false;
      if (result.status === 201) {
        $("invite-more-list").innerHTML = "";
        personRow($("invite-more-list"), false);
        $("invite-more-done").textContent = T.invite_sent;
        return;
      }
      var data = result.data || {};
      if (data.code) { $("invite-more-error").textContent = data.detail; return; }
      if (!peopleErrors(people, [data])) $("invite-more-error").textContent = T.submit_failed + " " + JSON.stringify(data);
    }).catch(function (error) {
      $("invite-more-submit").disabled = false;
      $("invite-more-error").textContent = T.submit_failed + " " + error.message;
    });
  });

  // The income documents that prove the profile chosen (the server rendered every list; show one).
  function showIncomeDocuments() {
    var chosen = $("income_profile").value || "MIXED";
    Array.prototype.forEach.call(document.querySelectorAll("#income-documents [data-profile]"), function (list) {
      list.hidden = list.dataset.profile !== chosen;
    });
  }
  $("income_profile").addEventListener("change", showIncomeDocuments);
  showIncomeDocuments();

  // --- the second round: the documents the agency asked for, and the applicant's comment ---------
  function moreInfoSubmit(event) {
    event.preventDefault();
    var moreInfo = event.currentTarget;
    $("more-info-error").textContent = "";
    var inputs = moreInfo.querySelectorAll("input[type=file]");
    var jobs = [];
    var sent = [];
    // A file of a type not allowed was told "required" here (probe C29): the first form's messages, per file.
    var problem = "";
    Array.prototype.forEach.call(inputs, function (input) { problem = problem || filesError(input.files, true); });
    if (problem) { $("more-info-error").textContent = problem; return; }
    $("more-info-uploads").innerHTML = "";
    Array.prototype.forEach.call(inputs, function (input) {
      input.setAttribute("aria-invalid", "false");
      Array.prototype.forEach.call(input.files, function (file) {
        jobs.push(upload(file, input.dataset.documentType, input.id, "more-info-uploads", sent));
      });
    });
    $("more-info-submit").disabled = true;
    Promise.all(jobs).then(function (documents) {
      return request("POST", "/additional-documents", { documents: documents });
    }).then(function (result) {
      $("more-info-submit").disabled = false;
      var refused = refusedFile(result.data, sent);
      if (refused) { fileRefused(refused, result.data.detail, "more-info-error"); return; }
      if (result.status !== 201) throw new Error((result.data && result.data.detail) || T.submit_failed);
      $("more-info-error").textContent = "";
      moreInfo.innerHTML = "";
      // The button that had the focus is gone with the form: the focus goes to what replaced it.
      var done = document.createElement("p");
      done.className = "ok"; done.setAttribute("role", "status"); done.tabIndex = -1; done.textContent = T.documents_sent;
      moreInfo.appendChild(done);
      done.focus();
      lastStatus = "PROCESSING";
      poll();
    }).catch(function (error) {
      $("more-info-submit").disabled = false;
      if (error.field) { fileRefused({ name: error.file, field: error.field }, error.message, "more-info-error"); return; }
      $("more-info-error").textContent = T.submit_failed + " " + error.message;
    });
  }

  function contestSubmit(event) {
    event.preventDefault();
    var message = $("contest-message").value.trim();
    $("contest-error").textContent = ""; $("contest-done").textContent = "";
    if (!message) { $("contest-error").textContent = T.required; return; }
    $("contest-submit").disabled = true;
    request("POST", "/contest", { message: message }).then(function (result) {
      $("contest-submit").disabled = false;
      if (result.status !== 201) { $("contest-error").textContent = (result.data && (result.data.detail || JSON.stringify(result.data))) || T.submit_failed; return; }
      var li = document.createElement("li");
      li.dataset.status = result.data.status; li.textContent = message;
      $("contests").appendChild(li);
      $("contest-message").value = "";
      $("contest-done").textContent = T.contest_sent;
    }).catch(function (error) { $("contest-submit").disabled = false; $("contest-error").textContent = T.submit_failed + " " + error.message; });
  }

  // The server renders these forms: on the page as loaded, and again when a run ends (serverSectionsRefresh).
  function secondRoundBind() {
    if ($("more-info-form")) $("more-info-form").addEventListener("submit", moreInfoSubmit);
    if ($("contest-form")) $("contest-form").addEventListener("submit", contestSubmit);
  }
  secondRoundBind();

  function unavailable(title, text) {
    $("unavailable-title").textContent = title;
    $("unavailable-text").textContent = text;
    show("unavailable");
  }

  // Back then forward after submitting showed the form again from the browser's back-forward cache, as if
  // nothing had been sent (probe C29): a page restored from it is fetched again, with the link's state now.
  window.addEventListener("pageshow", function (event) { if (event.persisted) window.location.reload(); });

  // Too many requests from this address: the server's page already says to wait; asking the API would count again.
  if (app.dataset.state === "THROTTLED") return;

  request("GET", "").then(function (result) {
    if (result.status === 429) return unavailable(T.busy_title, T.busy_text);
    // A server error is no verdict on the link (it said "Link not found").
    if (result.status >= 500) return unavailable(T.error_title, T.error_text);
    if (result.status === 410 && result.data && result.data.code === "form_already_submitted") return unavailable(T.closed_title, T.closed_text);
    // The server's page already says which erasure it was (the person's data, or an application they never
    // answered), naming the property; the generic words only for a link erased since the page was rendered.
    if (result.status === 410 && result.data && result.data.code === "data_erased") {
      return app.dataset.state === "ERASED" ? show("unavailable") : unavailable(T.erased_title, T.erased_text);
    }
    // A re-sent invitation's earlier link: the page already says a newer link went out by e-mail.
    if (result.status === 410 && app.dataset.state === "REPLACED") return show("unavailable");
    if (result.status === 410) return unavailable(T.expired_title, T.expired_text);
    if (result.status !== 200) return unavailable(T.invalid_title, T.invalid_text);
    info = result.data;
    if (info.role && info.role !== "TENANT") {
      var template = info.invited_by_name ? T.invited_by : T.invited;
      $("invited-by").textContent = template.replace("%(name)s", info.invited_by_name || "").replace("%(role)s", T["role_word_" + info.role] || info.role);
      $("invited-by").hidden = false;
    }
    $("household-fieldset").hidden = !isLead();
    if (info.status === "COMPLETED") {
      // Reopened by the person who sent it (a reload, the e-mail's link again): said as theirs, with what follows
      // (probe C29 read "Esta candidatura já foi enviada" as someone else's doing).
      $("progress-title").textContent = T.submitted_title;
      $("progress-reopened").textContent = T.submitted_text;
      $("progress-reopened").hidden = false;
      show("progress");
      poll();
      return;
    }
    $("agency-name").textContent = info.organization_name;
    $("property-title").textContent = info.property_title;
    var amount = Number(info.property_price).toLocaleString(document.documentElement.lang, { style: "currency", currency: "EUR" });
    $("property-summary").textContent = (info.listing_type === "ARRENDAMENTO" ? T.rent : T.price) + ": " + amount;
    $("limits").textContent = T.limits.replace("%(count)s", info.max_documents).replace("%(size)s", Math.round(info.max_file_size / 1048576));
    show("intake");
  }).catch(function (error) { unavailable(error.message, ""); });
})();
