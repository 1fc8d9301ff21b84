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
  function show(id) { ["loading", "unavailable", "intake", "progress"].forEach(function (s) { $(s).hidden = s !== id; }); }

  function request(method, path, body) {
    return fetch(api + path, {
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
      });
    });
  }

  // --- validation (the server checks all of this again) ---------------------------------
  function nifError(raw) {
    var nif = raw.replace(/[\s.\-]/g, "").toUpperCase().replace(/^PT/, "");
    if (!/^\d{9}$/.test(nif)) return T.nif_invalid;
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

  function fileType(file) {
    var byExtension = EXTENSIONS[(file.name.split(".").pop() || "").toLowerCase()];
    return ALLOWED[file.type] ? file.type : byExtension || "";
  }

  function filesError(files, required) {
    if (required && files.length === 0) return T.required;
    for (var i = 0; i < files.length; i++) {
      if (!fileType(files[i])) return T.type_not_allowed + " (" + files[i].name + ")";
      if (files[i].size > info.max_file_size) return T.too_large + " " + Math.round(info.max_file_size / 1048576) + " MB (" + files[i].name + ")";
      if (files[i].size === 0) return T.type_not_allowed + " (" + files[i].name + ")";
    }
    return "";
  }

  function setError(field, message) {
    var input = $(field);
    var slot = $(field + "-error");
    if (slot) slot.textContent = message || "";
    if (input) input.setAttribute("aria-invalid", message ? "true" : "false");
    return !message;
  }

  function validate() {
    var ok = true;
    ok = setError("name", $("name").value.trim().length >= 2 ? "" : T.required) && ok;
    ok = setError("nif", nifError($("nif").value)) && ok;
    ok = setError("date_of_birth", birthError($("date_of_birth").value)) && ok;
    ok = setError("email", /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test($("email").value.trim()) ? "" : T.email_invalid) && ok;
    var phone = $("phone").value.trim();
    ok = setError("phone", !phone || /^\+?[0-9 ()-]{6,20}$/.test(phone) ? "" : T.phone_invalid) && ok;
    ok = setError("id_document", filesError($("id_document").files, true)) && ok;
    var income = $("income_documents").files;
    var incomeError = filesError(income, true);
    if (!incomeError && income.length + 1 > info.max_documents) incomeError = T.too_many + " " + info.max_documents;
    ok = setError("income_documents", incomeError) && ok;
    ok = setError("terms_accepted", $("terms_accepted").checked ? "" : T.terms) && ok;
    return ok;
  }

  ["name", "nif", "date_of_birth", "email", "phone"].forEach(function (id) {
    $(id).addEventListener("blur", function () { if ($(id).value) validate(); });
  });
  $("terms_accepted").addEventListener("change", function () {
    if ($("terms_accepted").checked) setError("terms_accepted", "");
  });
  ["id_document", "income_documents"].forEach(function (id) {
    $(id).addEventListener("change", function () {
      var required = false;
      setError(id, filesError($(id).files, required));
    });
  });

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
    error.setAttribute("role", "alert");
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
      remove.addEventListener("click", function () { li.remove(); });
      li.appendChild(remove);
    }
    list.appendChild(li);
    return name;
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
      ok = setError(person.row + "-name", person.name.length >= 2 ? "" : T.required) && ok;
      ok = setError(person.row + "-email", /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(person.email) ? "" : T.email_invalid) && ok;
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
    return { bar: bar, state: state };
  }

  function upload(file, documentType, listId) {
    var row = uploadRow(file, listId);
    var contentType = fileType(file);
    return request("POST", "/uploads", { filename: file.name, content_type: contentType, size: file.size, document_type: documentType })
      .then(function (slot) {
        if (slot.status !== 201) throw new Error((slot.data && slot.data.detail) || T.upload_failed);
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
            } else { row.state.textContent = T.upload_failed; reject(new Error(T.upload_failed)); }
          };
          xhr.onerror = function () { row.state.textContent = T.upload_failed; reject(new Error(T.upload_failed)); };
          xhr.send(form);
        });
      });
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

  function isLead() { return info && info.role === "TENANT"; }

  $("intake-form").addEventListener("submit", function (event) {
    event.preventDefault();
    $("form-error").textContent = "";
    var people = isLead() ? peopleIn($("household-list")) : [];
    var valid = validate();
    valid = validatePeople(people) && valid;
    if (!valid) { var bad = document.querySelector("[aria-invalid=true]"); if (bad) bad.focus(); return; }
    $("submit").disabled = true;
    $("uploads").innerHTML = "";
    var jobs = [upload($("id_document").files[0], "ID_DOCUMENT")];
    Array.prototype.forEach.call($("income_documents").files, function (file) { jobs.push(upload(file, "PROOF_OF_INCOME")); });
    Promise.all(jobs).then(function (documents) {
      var body = {
        nif: $("nif").value, name: $("name").value.trim(), date_of_birth: $("date_of_birth").value,
        email: $("email").value.trim(), phone: $("phone").value.trim(), terms_accepted: $("terms_accepted").checked,
        documents: documents,
      };
      if (people.length) body.household = peopleBody(people);
      if ($("income_profile").value) body.income_profile = $("income_profile").value;
      return request("POST", "/submissions", body);
    }).then(function (result) {
      if (result.status === 201) { show("progress"); poll(); return; }
      var message = serverErrors(result.data, people);
      if (message) $("form-error").textContent = T.submit_failed + " " + message;
      $("submit").disabled = false;
    }).catch(function (error) {
      $("form-error").textContent = error.message || T.upload_failed;
      $("submit").disabled = false;
    });
  });

  // --- progress ---------------------------------------------------------------------------
  function poll() {
    request("GET", "/status").then(function (result) {
      if (result.status !== 200) { setTimeout(poll, 4000); return; }
      var status = result.data.status;
      $("progress-status").textContent = T["status_" + status] || status;
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
      // A run that ends changes what the server renders (the explanation): fetch the page again.
      if (lastStatus === "PROCESSING" && status !== "PROCESSING") { window.location.reload(); return; }
      lastStatus = status;
      if (status === "PROCESSING") setTimeout(poll, 2000);
      else if (status === "WAITING") setTimeout(poll, WAITING_POLL_MS);
    });
  }

  // On the lead's link: each invited person and whether they have submitted (never their data).
  function showHousehold(household) {
    var list = $("household-status");
    list.innerHTML = "";
    household.forEach(function (person) {
      var li = document.createElement("li");
      li.dataset.status = person.invitation_status;
      li.dataset.role = person.role;
      li.textContent = person.name + " · " + (T["role_" + person.role] || person.role) + ": " + (T["inv_" + person.invitation_status] || person.invitation_status);
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
    }).catch(function () {
      $("invite-more-submit").disabled = false;
      $("invite-more-error").textContent = T.submit_failed;
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
  var moreInfo = $("more-info-form");
  if (moreInfo) moreInfo.addEventListener("submit", function (event) {
    event.preventDefault();
    $("more-info-error").textContent = "";
    var inputs = moreInfo.querySelectorAll("input[type=file]");
    var jobs = [];
    var missing = false;
    Array.prototype.forEach.call(inputs, function (input) {
      if (!input.files.length) missing = true;
      Array.prototype.forEach.call(input.files, function (file) {
        if (!fileType(file)) { missing = true; return; }
        jobs.push(upload(file, input.dataset.documentType, "more-info-uploads"));
      });
    });
    if (missing) { $("more-info-error").textContent = T.required; return; }
    $("more-info-submit").disabled = true;
    Promise.all(jobs).then(function (documents) {
      return request("POST", "/additional-documents", { documents: documents });
    }).then(function (result) {
      if (result.status !== 201) throw new Error((result.data && result.data.detail) || T.submit_failed);
      $("more-info-error").textContent = "";
      moreInfo.innerHTML = "";
      var done = document.createElement("p");
      done.className = "ok"; done.setAttribute("role", "status"); done.textContent = T.documents_sent;
      moreInfo.appendChild(done);
      lastStatus = "PROCESSING";
      poll();
    }).catch(function (error) {
      $("more-info-submit").disabled = false;
      $("more-info-error").textContent = T.submit_failed + " " + error.message;
    });
  });

  var contest = $("contest-form");
  if (contest) contest.addEventListener("submit", function (event) {
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
    }).catch(function () { $("contest-submit").disabled = false; $("contest-error").textContent = T.submit_failed; });
  });

  function unavailable(title, text) {
    $("unavailable-title").textContent = title;
    $("unavailable-text").textContent = text;
    show("unavailable");
  }

  request("GET", "").then(function (result) {
    if (result.status === 410 && result.data && result.data.code === "form_already_submitted") return unavailable(T.closed_title, T.closed_text);
    if (result.status === 410 && result.data && result.data.code === "data_erased") return unavailable(T.erased_title, T.erased_text);
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
      show("progress");
      $("progress").querySelector("h1").textContent = T.submitted_title;
      poll();
      return;
    }
    $("agency-name").textContent = info.organization_name;
    $("property-title").textContent = info.property_title;
    var amount = Number(info.property_price).toLocaleString(document.documentElement.lang, { style: "currency", currency: "EUR" });
    $("property-summary").textContent = (info.listing_type === "ARRENDAMENTO" ? T.rent : T.price) + ": " + amount;
    $("limits").textContent = T.limits.replace("%(count)s", info.max_documents).replace("%(size)s", Math.round(info.max_file_size / 1048576));
    show("intake");
  });
})();
