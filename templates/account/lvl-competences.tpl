<!-- IMPORT partials/account/header.tpl -->

<div class="lvl lvl-profile d-flex flex-column gap-3" component="lvl/profile" data-uid="{uid}">
	<div class="d-flex flex-wrap justify-content-between align-items-center gap-2">
		<h3 class="fw-semibold fs-5 mb-0">{{tx("lvl:profile.title")}}</h3>
		<a class="btn btn-sm btn-ghost" href="{config.relative_path}/wie-weet-wat"><i class="fa fa-fw fa-search" aria-hidden="true"></i> {{tx("lvl:directory.title")}}</a>
	</div>

	{{{ if shownFully }}}
	<div class="d-flex flex-wrap align-items-center gap-2" component="lvl/profile/reciprocity">
		<div class="card">
			<div class="card-body d-flex flex-wrap gap-3 p-2 small">
				<span>{{tx("lvl:qa.profile.asked")}} <span class="fw-semibold" component="lvl/profile/count/asked">{reciprocity.asked}</span></span>
				<span>{{tx("lvl:qa.profile.answered")}} <span class="fw-semibold" component="lvl/profile/count/answered">{reciprocity.answered}</span></span>
				<span>{{tx("lvl:qa.profile.accepted")}} <span class="fw-semibold" component="lvl/profile/count/accepted">{reciprocity.accepted}</span></span>
			</div>
		</div>
		{{{ if !self }}}
		<button type="button" class="btn btn-outline-primary" component="lvl/ask" data-uid="{uid}"><i class="fa fa-fw fa-circle-question" aria-hidden="true"></i> {{tx("lvl:qa.ask.button")}}</button>
		{{{ end }}}
	</div>
	{{{ end }}}

	{{{ if self }}}
	<div class="d-flex flex-column gap-3" component="lvl/editor">
		<p class="text-secondary mb-0">{{tx("lvl:profile.editor-intro")}}</p>

		<div component="lvl/editor/loading" class="text-secondary" role="status">
			<i class="fa fa-fw fa-spinner fa-spin" aria-hidden="true"></i> {{tx("lvl:profile.loading")}}
		</div>
		<div component="lvl/editor/load-error" class="d-none">
			<div class="alert alert-danger d-flex flex-column flex-sm-row gap-2 align-items-sm-center mb-0" role="alert">
				<span class="flex-grow-1">{{tx("lvl:profile.load-error")}}</span>
				<button type="button" class="btn btn-outline-danger" component="lvl/editor/retry">{{tx("lvl:profile.retry")}}</button>
			</div>
		</div>

		<div component="lvl/editor/body" class="d-none">
			<form class="d-flex flex-column gap-3" component="lvl/editor/form" novalidate>
				<!-- completeness -->
				<section class="card" aria-labelledby="lvl-completeness-title">
					<div class="card-body d-flex flex-column gap-2 p-3">
						<div class="d-flex justify-content-between align-items-center gap-2">
							<h4 class="fs-6 fw-semibold mb-0" id="lvl-completeness-title">{{tx("lvl:profile.completeness")}}</h4>
							<span class="fw-semibold" component="lvl/completeness/value">{profile.completeness}%</span>
						</div>
						<div class="progress" role="progressbar" aria-labelledby="lvl-completeness-title" aria-valuemin="0" aria-valuemax="100" aria-valuenow="{profile.completeness}" component="lvl/completeness/bar">
							<div class="progress-bar" style="width: {profile.completeness}%;"></div>
						</div>
						<ul class="small mb-0 ps-3 d-flex flex-column gap-1" component="lvl/completeness/todo">
							<li class="d-none" data-todo="competence">{{tx("lvl:profile.todo-competence")}}</li>
							<li class="d-none" data-todo="three">{{tx("lvl:profile.todo-three")}}</li>
							<li class="d-none" data-todo="role">{{tx("lvl:profile.todo-role")}}</li>
							<li class="d-none" data-todo="languages">{{tx("lvl:profile.todo-languages")}}</li>
							<li class="d-none" data-todo="region">{{tx("lvl:profile.todo-region")}}</li>
							<li class="d-none" data-todo="profession">{{tx("lvl:profile.todo-profession")}}</li>
							<li class="d-none" data-todo="help">{{tx("lvl:profile.todo-help")}}</li>
						</ul>
						<p class="small text-success mb-0 d-none" component="lvl/completeness/done"><i class="fa fa-fw fa-check" aria-hidden="true"></i> {{tx("lvl:profile.complete")}}</p>
					</div>
				</section>

				<!-- my competences -->
				<section class="card" aria-labelledby="lvl-mine-title">
					<div class="card-body d-flex flex-column gap-3 p-3">
						<div>
							<h4 class="fs-6 fw-semibold mb-1" id="lvl-mine-title">{{tx("lvl:profile.my-competences")}} <span class="badge text-bg-light border fw-normal" component="lvl/editor/count"></span></h4>
							<p class="small text-secondary mb-0">{{tx("lvl:profile.my-competences-help")}}</p>
						</div>
						<p class="mb-0 text-secondary fst-italic" component="lvl/editor/none">{{tx("lvl:profile.no-competences")}}</p>
						<ol class="list-unstyled d-flex flex-column gap-3 mb-0" component="lvl/editor/competences"></ol>

						<div class="border-top pt-3 d-flex flex-column gap-2">
							<label class="form-label fw-semibold mb-0" for="lvl-add-input">{{tx("lvl:profile.add-label")}}</label>
							<div class="position-relative">
								<div class="input-group">
									<span class="input-group-text" aria-hidden="true"><i class="fa fa-fw fa-plus"></i></span>
									<input class="form-control" type="text" id="lvl-add-input" autocomplete="off" autocapitalize="off" spellcheck="false" maxlength="100"
										placeholder="{{tx("lvl:profile.add-placeholder")}}" aria-describedby="lvl-add-help"
										role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="lvl-add-list" component="lvl/picker/input">
								</div>
								<ul class="dropdown-menu w-100 mt-1 p-1 overflow-auto" id="lvl-add-list" role="listbox" style="max-height: 40vh;" component="lvl/picker/list" aria-label="{{tx("lvl:picker.suggestions")}}"></ul>
							</div>
							<div class="form-text mt-0" id="lvl-add-help">{{tx("lvl:profile.add-help")}}</div>
							<div class="alert alert-warning mb-0 d-none" component="lvl/editor/full">{{tx("lvl:profile.max-reached")}}</div>

							<details class="border rounded px-2 py-1" component="lvl/editor/browse">
								<summary class="py-2">{{tx("lvl:profile.browse")}}</summary>
								<div class="d-flex flex-column gap-2 pb-2">
									{{{ each domains }}}
									<details class="border rounded px-2 py-1">
										<summary class="fw-semibold py-2">{{./label}}</summary>
										<ul class="list-unstyled d-flex flex-wrap gap-2 pb-2 mb-0">
											{{{ each ./competences }}}
											<li><button type="button" class="btn btn-sm btn-outline-secondary text-start" component="lvl/editor/browse-item" data-key="{./key}"><i class="fa fa-fw fa-plus" aria-hidden="true"></i> <span component="lvl/editor/browse-label">{{./label}}</span></button></li>
											{{{ end }}}
										</ul>
									</details>
									{{{ end }}}
								</div>
							</details>
						</div>
					</div>
				</section>

				<!-- about me -->
				<section class="card" aria-labelledby="lvl-about-title">
					<div class="card-body d-flex flex-column gap-3 p-3">
						<h4 class="fs-6 fw-semibold mb-0" id="lvl-about-title">{{tx("lvl:profile.about")}}</h4>
						<div class="row g-3">
							<div class="col-12 col-md-6">
								<label class="form-label" for="lvl-profession">{{tx("lvl:profile.profession")}}</label>
								<input class="form-control" type="text" id="lvl-profession" data-field="profession" data-max="100" autocomplete="organization-title" placeholder="{{tx("lvl:profile.profession-placeholder")}}">
								<div class="invalid-feedback">{{tx("lvl:profile.too-long")}}</div>
								<div class="form-text text-end" data-counter-for="lvl-profession"></div>
							</div>
							<div class="col-12 col-md-6">
								<label class="form-label" for="lvl-sector">{{tx("lvl:profile.sector")}}</label>
								<input class="form-control" type="text" id="lvl-sector" data-field="sector" data-max="100" placeholder="{{tx("lvl:profile.sector-placeholder")}}">
								<div class="invalid-feedback">{{tx("lvl:profile.too-long")}}</div>
								<div class="form-text text-end" data-counter-for="lvl-sector"></div>
							</div>
						</div>

						<fieldset>
							<legend class="form-label fs-6 mb-1">{{tx("lvl:profile.languages")}}</legend>
							<div class="d-flex flex-wrap column-gap-3">
								{{{ each languages }}}
								<div class="form-check py-1">
									<input class="form-check-input" type="checkbox" id="lvl-language-{./value}" data-language="{./value}">
									<label class="form-check-label" for="lvl-language-{./value}">{{tx(lvlKey("lvl:language.", ./value))}}</label>
								</div>
								{{{ end }}}
							</div>
						</fieldset>

						<div class="row g-3">
							<div class="col-12 col-md-6">
								<label class="form-label" for="lvl-region">{{tx("lvl:profile.region")}}</label>
								<select class="form-select" id="lvl-region" data-field="region">
									<option value="">{{tx("lvl:profile.region-none")}}</option>
									{{{ each regions }}}
									<option value="{./value}">{{tx(lvlKey("lvl:region.", ./value))}}</option>
									{{{ end }}}
								</select>
							</div>
							<div class="col-12 col-md-6">
								<label class="form-label" for="lvl-availability">{{tx("lvl:profile.availability")}}</label>
								<select class="form-select" id="lvl-availability" data-field="availability" aria-describedby="lvl-availability-help">
									{{{ each availability }}}
									<option value="{./value}">{{tx(lvlKey("lvl:availability.", ./value))}}</option>
									{{{ end }}}
								</select>
								<div class="form-text" id="lvl-availability-help">{{tx("lvl:profile.availability-help")}}</div>
							</div>
						</div>

						<div>
							<label class="form-label" for="lvl-help">{{tx("lvl:profile.help")}}</label>
							<textarea class="form-control" id="lvl-help" rows="4" data-field="help" data-max="600" aria-describedby="lvl-help-help" placeholder="{{tx("lvl:profile.help-placeholder")}}"></textarea>
							<div class="invalid-feedback">{{tx("lvl:profile.too-long")}}</div>
							<div class="form-text d-flex justify-content-between gap-2">
								<span id="lvl-help-help">{{tx("lvl:profile.help-help")}}</span>
								<span class="text-nowrap" data-counter-for="lvl-help"></span>
							</div>
						</div>
					</div>
				</section>

				<!-- privacy -->
				<section class="card" aria-labelledby="lvl-privacy-title">
					<div class="card-body d-flex flex-column gap-3 p-3">
						<h4 class="fs-6 fw-semibold mb-0" id="lvl-privacy-title">{{tx("lvl:profile.privacy")}}</h4>
						<div>
							<label class="form-label fw-semibold" for="lvl-tier">{{tx("lvl:profile.tier")}}</label>
							<select class="form-select" id="lvl-tier" data-field="tier" aria-describedby="lvl-tier-help" {{{ if tierLocked }}}disabled{{{ end }}}>
								<option value="">{{tx("lvl:profile.tier-default", tierDefaultLabel)}}</option>
								{{{ each tiers }}}
								<option value="{./value}">{{tx(lvlKey("lvl:tier.", ./value))}}</option>
								{{{ end }}}
							</select>
							<div class="form-text" id="lvl-tier-help">{{{ if tierLocked }}}{{tx("lvl:profile.tier-locked")}}{{{ else }}}{{tx("lvl:profile.tier-help")}}{{{ end }}}</div>
							<div class="alert alert-warning mt-2 mb-0 d-none" component="lvl/editor/unlisted">{{tx("lvl:profile.unlisted-warning")}}</div>
						</div>
						<fieldset>
							<legend class="form-label fs-6 mb-1">{{tx("lvl:profile.contact-legend")}}</legend>
							<div class="form-text mt-0 mb-2">{{tx("lvl:profile.contact-help")}}</div>
							{{{ each contactWays }}}
							<div class="form-check py-1">
								<input class="form-check-input" type="checkbox" id="lvl-contact-{./value}" data-contact="{./value}">
								<label class="form-check-label" for="lvl-contact-{./value}">{{tx(lvlKey("lvl:contact.", ./value))}}</label>
							</div>
							{{{ end }}}
							<label class="form-label mt-2" for="lvl-contact-note">{{tx("lvl:profile.contact-note")}}</label>
							<input type="text" class="form-control" id="lvl-contact-note" data-field="contactNote" maxlength="200">
						</fieldset>
						<fieldset>
							<legend class="form-label fs-6 mb-1">{{tx("lvl:profile.hide-legend")}}</legend>
							<div class="form-text mt-0 mb-2">{{tx("lvl:profile.hide-help")}}</div>
							<div class="row row-cols-1 row-cols-sm-2 g-1">
								{{{ each hideable }}}
								<div class="col">
									<div class="form-check py-1">
										<input class="form-check-input" type="checkbox" id="lvl-hide-{./value}" data-hide="{./value}">
										<label class="form-check-label" for="lvl-hide-{./value}">{{tx(lvlKey("lvl:hide.", ./value))}}</label>
									</div>
								</div>
								{{{ end }}}
							</div>
						</fieldset>
					</div>
				</section>

				<!-- save -->
				<div class="sticky-bottom bg-body border-top py-2 d-flex flex-column flex-sm-row align-items-sm-center gap-2" component="lvl/editor/savebar">
					<button type="submit" class="btn btn-primary px-4" component="lvl/editor/save"><i class="fa fa-fw fa-floppy-disk" aria-hidden="true"></i> {{tx("lvl:profile.save")}}</button>
					<span class="small text-secondary" component="lvl/editor/status" aria-live="polite"></span>
				</div>
			</form>

			<!-- propose a missing competence: its own small form, sent on its own -->
			<section class="card mt-3" aria-labelledby="lvl-propose-title">
				<div class="card-body p-3">
					<details component="lvl/propose">
						<summary class="fw-semibold" id="lvl-propose-title">{{tx("lvl:propose.title")}}</summary>
						<form class="d-flex flex-column gap-3 pt-3" component="lvl/propose/form" novalidate>
							<p class="small text-secondary mb-0">{{tx("lvl:propose.intro")}}</p>
							<div>
								<label class="form-label" for="lvl-propose-label">{{tx("lvl:propose.label")}}</label>
								<input class="form-control" type="text" id="lvl-propose-label" name="label" data-max="80" required>
								<div class="invalid-feedback">{{tx("lvl:propose.label-invalid")}}</div>
								<div class="form-text text-end" data-counter-for="lvl-propose-label"></div>
							</div>
							<div>
								<label class="form-label" for="lvl-propose-domain">{{tx("lvl:propose.domain")}}</label>
								<select class="form-select" id="lvl-propose-domain" name="domain">
									<option value="">{{tx("lvl:propose.domain-none")}}</option>
									{{{ each domains }}}
									<option value="{./key}">{{./label}}</option>
									{{{ end }}}
								</select>
							</div>
							<div>
								<label class="form-label" for="lvl-propose-note">{{tx("lvl:propose.note")}}</label>
								<textarea class="form-control" id="lvl-propose-note" name="note" rows="2" data-max="300"></textarea>
								<div class="invalid-feedback">{{tx("lvl:profile.too-long")}}</div>
								<div class="form-text text-end" data-counter-for="lvl-propose-note"></div>
							</div>
							<div class="d-grid d-sm-block">
								<button type="submit" class="btn btn-outline-primary" component="lvl/propose/send"><i class="fa fa-fw fa-lightbulb" aria-hidden="true"></i> {{tx("lvl:propose.send")}}</button>
							</div>
						</form>
					</details>
				</div>
			</section>

			<!-- my data -->
			<section class="card mt-3" aria-labelledby="lvl-data-title">
				<div class="card-body d-flex flex-column gap-2 p-3">
					<h4 class="fs-6 fw-semibold mb-0" id="lvl-data-title">{{tx("lvl:profile.my-data")}}</h4>
					<p class="small text-secondary mb-0">{{tx("lvl:profile.my-data-help")}}</p>
					<div><a class="btn btn-sm btn-outline-secondary" href="{config.relative_path}/api/v3/plugins/lvl/profiles/{uid}/export" download><i class="fa fa-fw fa-download" aria-hidden="true"></i> {{tx("lvl:profile.download")}}</a></div>
				</div>
			</section>
		</div>

		<!-- one competence in the editor; profile.js clones it and fills in the values -->
		<template id="lvl-competence-row">
			<li class="border rounded p-3 d-flex flex-column gap-2" component="lvl/editor/competence">
				<div class="d-flex align-items-start gap-2">
					<h5 class="fs-6 fw-semibold mb-0 flex-grow-1 text-break pt-1" component="lvl/editor/competence-label"></h5>
					<button type="button" class="btn btn-sm btn-outline-danger flex-shrink-0" component="lvl/editor/remove"><i class="fa fa-fw fa-trash" aria-hidden="true"></i> {{tx("lvl:profile.remove")}}</button>
				</div>
				<div class="row g-2">
					<div class="col-7 col-sm-6 col-lg-5">
						<label class="form-label small mb-1" data-label-for="level">{{tx("lvl:profile.level")}}</label>
						<select class="form-select" data-field="level" required>
							<option value="">{{tx("lvl:profile.choose-level")}}</option>
							{{{ each levels }}}
							<option value="{./value}">{{tx(lvlKey("lvl:level.", ./value))}}</option>
							{{{ end }}}
						</select>
						<div class="invalid-feedback">{{tx("lvl:profile.level-required")}}</div>
					</div>
					<div class="col-5 col-sm-4 col-lg-3">
						<label class="form-label small mb-1" data-label-for="years">{{tx("lvl:profile.years")}}</label>
						<input class="form-control" type="number" inputmode="numeric" min="0" max="70" step="1" data-field="years">
						<div class="invalid-feedback">{{tx("lvl:profile.years-invalid")}}</div>
					</div>
				</div>
				<fieldset>
					<legend class="form-label small mb-1">{{tx("lvl:profile.roles")}}</legend>
					<div class="d-flex flex-wrap column-gap-3">
						{{{ each roles }}}
						<div class="form-check py-1">
							<input class="form-check-input" type="checkbox" data-role="{./value}">
							<label class="form-check-label" data-label-for="role-{./value}">{{tx(lvlKey("lvl:role.", ./value))}}</label>
						</div>
						{{{ end }}}
					</div>
				</fieldset>
				<div>
					<label class="form-label small mb-1" data-label-for="note">{{tx("lvl:profile.note")}}</label>
					<textarea class="form-control" rows="2" data-field="note" data-max="300" placeholder="{{tx("lvl:profile.note-placeholder")}}"></textarea>
					<div class="invalid-feedback">{{tx("lvl:profile.too-long")}}</div>
					<div class="form-text text-end" data-counter></div>
				</div>
			</li>
		</template>
	</div>
	{{{ else }}}
	{{{ if hidden }}}
	<div class="alert alert-info mb-0" component="lvl/profile/hidden">{{tx("lvl:profile.not-listed")}}</div>
	{{{ else }}}
	{{{ if namesOnly }}}
	<section class="d-flex flex-column gap-2" component="lvl/profile/names-only" aria-labelledby="lvl-view-domains">
		<h4 class="fs-6 fw-semibold mb-0" id="lvl-view-domains">{{tx("lvl:profile.domains")}}</h4>
		{{{ if domainsShown.length }}}
		<div class="d-flex flex-wrap gap-1">
			{{{ each domainsShown }}}
			<span class="badge rounded-pill border text-body fw-normal" component="lvl/profile/domain">{{./label}}</span>
			{{{ end }}}
		</div>
		{{{ else }}}
		<p class="text-secondary mb-0">{{tx("lvl:profile.view-empty")}}</p>
		{{{ end }}}
		<p class="small text-secondary mb-0">{{tx("lvl:profile.names-only-note")}}</p>
	</section>
	{{{ else }}}
	<div class="d-flex flex-column gap-3" component="lvl/profile/view">
		{{{ if reach }}}
		<section class="card" component="lvl/profile/reach" aria-labelledby="lvl-view-reach">
			<div class="card-body p-3 d-flex flex-column gap-1">
				<h4 class="fs-6 fw-semibold mb-1" id="lvl-view-reach">{{tx("lvl:profile.reach")}}</h4>
				{{{ if reach.email }}}
				<div class="text-break"><i class="fa fa-fw fa-envelope text-secondary" aria-hidden="true"></i> <a href="mailto:{{reach.email}}" component="lvl/profile/reach-email">{{reach.email}}</a></div>
				{{{ end }}}
				{{{ if reach.chat }}}
				<div><a class="btn btn-sm btn-outline-primary" href="#" data-uid="{uid}" role="button" component="lvl/profile/reach-chat"><i class="fa fa-fw fa-comments" aria-hidden="true"></i> {{tx("lvl:contact.chat")}}</a></div>
				{{{ end }}}
				{{{ if reach.note }}}
				<div class="text-break" component="lvl/profile/reach-note">{{reach.note}}</div>
				{{{ end }}}
			</div>
		</section>
		{{{ end }}}
		{{{ if (profile.profession || profile.sector) }}}
		<div class="d-flex flex-column gap-1">
			{{{ if profile.profession }}}
			<div class="fw-semibold text-break"><i class="fa fa-fw fa-briefcase text-secondary" aria-hidden="true"></i> <span class="visually-hidden">{{tx("lvl:profile.profession")}}</span> {{profile.profession}}</div>
			{{{ end }}}
			{{{ if profile.sector }}}
			<div class="text-secondary text-break">{{tx("lvl:profile.view-sector")}} {{profile.sector}}</div>
			{{{ end }}}
		</div>
		{{{ end }}}

		<dl class="row g-2 mb-0">
			<div class="col-12 col-sm-4">
				<dt class="small text-secondary fw-normal">{{tx("lvl:profile.availability")}}</dt>
				<dd class="mb-0"><span class="badge rounded-pill {{{ if (profile.availability == "available") }}}text-bg-success{{{ end }}}{{{ if (profile.availability == "limited") }}}text-bg-warning{{{ end }}}{{{ if (profile.availability == "not-now") }}}text-bg-secondary{{{ end }}}">{{tx(lvlKey("lvl:availability.", profile.availability))}}</span></dd>
			</div>
			{{{ if profile.languages.length }}}
			<div class="col-12 col-sm-4">
				<dt class="small text-secondary fw-normal">{{tx("lvl:profile.view-languages")}}</dt>
				<dd class="mb-0">{{{ each profile.languages }}}{{tx(lvlKey("lvl:language.", @value))}}{{{ if !@last }}}, {{{ end }}}{{{ end }}}</dd>
			</div>
			{{{ end }}}
			{{{ if profile.region }}}
			<div class="col-12 col-sm-4">
				<dt class="small text-secondary fw-normal">{{tx("lvl:profile.region")}}</dt>
				<dd class="mb-0">{{tx(lvlKey("lvl:region.", profile.region))}}</dd>
			</div>
			{{{ end }}}
		</dl>

		{{{ if profile.help }}}
		<section class="card" aria-labelledby="lvl-view-help">
			<div class="card-body p-3">
				<h4 class="fs-6 fw-semibold mb-1" id="lvl-view-help">{{tx("lvl:profile.help")}}</h4>
				<p class="mb-0 text-break" style="white-space: pre-line;">{{profile.help}}</p>
			</div>
		</section>
		{{{ end }}}

		<section aria-labelledby="lvl-view-competences">
			<h4 class="fs-6 fw-semibold mb-2" id="lvl-view-competences">{{tx("lvl:profile.competences")}}</h4>
			{{{ if profile.competences.length }}}
			<ul class="list-group">
				{{{ each profile.competences }}}
				<li class="list-group-item d-flex flex-column gap-1 py-2">
					<div class="d-flex flex-wrap align-items-center gap-1">
						<a class="fw-semibold me-1 text-break" href="{config.relative_path}/wie-weet-wat/{./key}">{{./label}}</a>
						<span class="badge {{{ if (./level == "expert") }}}text-bg-primary{{{ end }}}{{{ if (./level == "experienced") }}}text-bg-info{{{ end }}}{{{ if (./level == "basic") }}}text-bg-light border{{{ end }}}">{{tx(lvlKey("lvl:level.", ./level))}}</span>
						{{{ if ./years }}}
						<span class="small text-secondary">{{{ if (./years == "1") }}}{{tx("lvl:profile.years-one")}}{{{ else }}}{{tx("lvl:profile.years-value", ./years)}}{{{ end }}}</span>
						{{{ end }}}
						{{{ if ./accepted }}}
						<span class="badge text-bg-success" component="lvl/profile/competence-accepted"><i class="fa fa-check" aria-hidden="true"></i> {{tx("lvl:qa.profile.accepted-in", ./accepted)}}</span>
						{{{ end }}}
					</div>
					{{{ if ./roles.length }}}
					<div class="d-flex flex-wrap gap-1">
						{{{ each ./roles }}}
						<span class="badge rounded-pill border text-body fw-normal">{{tx(lvlKey("lvl:role.", @value))}}</span>
						{{{ end }}}
					</div>
					{{{ end }}}
					{{{ if ./note }}}
					<div class="small text-secondary text-break" style="white-space: pre-line;">{{./note}}</div>
					{{{ end }}}
				</li>
				{{{ end }}}
			</ul>
			{{{ else }}}
			<p class="text-secondary mb-0">{{tx("lvl:profile.view-empty")}}</p>
			{{{ end }}}
		</section>
	</div>
	{{{ end }}}
	{{{ end }}}
	{{{ end }}}
</div>

<!-- IMPORT partials/account/footer.tpl -->
