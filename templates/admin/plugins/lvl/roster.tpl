<div class="acp-page-container lvl-roster" data-max-megabytes="{maxMegabytes}">
	<div class="row border-bottom py-2 m-0 sticky-top acp-page-main-header align-items-center gap-1">
		<div class="col-12 col-md px-0">
			<h4 class="fw-bold tracking-tight mb-0">{{tx(title)}}</h4>
		</div>
		<div class="col-12 col-md-auto px-0 text-secondary small">
			<span id="lvl-roster-summary">{{tx("lvl:admin.roster.summary.count", count)}}</span>
			<span class="mx-1">·</span>
			{{tx("lvl:admin.roster.summary.updated")}} <time id="lvl-roster-updated" datetime="{updatedAt}">{{{ if updatedAt }}}{updatedAt}{{{ else }}}{{tx("lvl:admin.roster.summary.never")}}{{{ end }}}</time>
		</div>
	</div>

	<div class="row m-0">
		<div class="col-12 px-0 py-3">
			<ul class="nav nav-tabs mb-3 flex-nowrap overflow-auto text-nowrap" role="tablist">
				<li class="nav-item" role="presentation">
					<button class="nav-link active" data-bs-toggle="tab" data-bs-target="#lvl-tab-import" type="button" role="tab" aria-controls="lvl-tab-import" aria-selected="true">{{tx("lvl:admin.roster.tab.import")}}</button>
				</li>
				<li class="nav-item" role="presentation">
					<button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-tab-roster" type="button" role="tab" aria-controls="lvl-tab-roster" aria-selected="false">{{tx("lvl:admin.roster.tab.roster")}}</button>
				</li>
				<li class="nav-item" role="presentation">
					<button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-tab-requests" type="button" role="tab" aria-controls="lvl-tab-requests" aria-selected="false">
						{{tx("lvl:admin.roster.tab.requests")}} <span id="lvl-requests-badge" class="badge text-bg-danger rounded-pill d-none"></span>
					</button>
				</li>
				<li class="nav-item" role="presentation">
					<button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-tab-history" type="button" role="tab" aria-controls="lvl-tab-history" aria-selected="false">{{tx("lvl:admin.roster.tab.history")}}</button>
				</li>
			</ul>

			<div class="tab-content">
				<!-- Importeren -->
				<div class="tab-pane fade show active" id="lvl-tab-import" role="tabpanel">
					<div class="card mb-3">
						<div class="card-body">
							<h5 class="fw-bold tracking-tight settings-header">{{tx("lvl:admin.roster.upload.title")}}</h5>
							<p class="text-secondary">{{tx("lvl:admin.roster.upload.help", maxMegabytes)}}</p>
							<form id="lvl-upload-form" class="d-flex flex-column flex-sm-row gap-2 align-items-sm-end">
								<div class="flex-grow-1">
									<label class="form-label" for="lvl-upload-file">{{tx("lvl:admin.roster.upload.file")}}</label>
									<input type="file" id="lvl-upload-file" name="file" class="form-control" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
								</div>
								<button type="submit" class="btn btn-primary text-nowrap"><i class="fa fa-upload"></i> {{tx("lvl:admin.roster.upload.submit")}}</button>
							</form>
						</div>
					</div>

					<div id="lvl-preview" class="d-none">
						<div class="alert alert-info d-flex flex-wrap gap-1">
							<span>{{tx("lvl:admin.roster.preview.file")}}</span> <strong id="lvl-preview-filename" class="text-break"></strong>
							<span class="w-100">{{tx("lvl:admin.roster.preview.help")}}</span>
						</div>

						<div class="card mb-3">
							<div class="card-body">
								<h5 class="fw-bold tracking-tight settings-header">{{tx("lvl:admin.roster.mapping.title")}}</h5>
								<p class="text-secondary">{{tx("lvl:admin.roster.mapping.help")}}</p>
								<form id="lvl-mapping" class="row g-3">
									<div class="col-12 col-md-6 col-xl-4">
										<label class="form-label" for="lvl-map-memberNumber">{{tx("lvl:admin.roster.field.memberNumber")}} *</label>
										<select class="form-select" id="lvl-map-memberNumber" data-field="memberNumber" required></select>
									</div>
									<div class="col-12 col-md-6 col-xl-4">
										<label class="form-label" for="lvl-map-lastName">{{tx("lvl:admin.roster.field.lastName")}}</label>
										<select class="form-select" id="lvl-map-lastName" data-field="lastName"></select>
									</div>
									<div class="col-12 col-md-6 col-xl-4">
										<label class="form-label" for="lvl-map-firstName">{{tx("lvl:admin.roster.field.firstName")}}</label>
										<select class="form-select" id="lvl-map-firstName" data-field="firstName"></select>
									</div>
									<div class="col-12 col-md-6 col-xl-4">
										<label class="form-label" for="lvl-map-birthDate">{{tx("lvl:admin.roster.field.birthDate")}}</label>
										<select class="form-select" id="lvl-map-birthDate" data-field="birthDate"></select>
									</div>
									<div class="col-12 col-md-6 col-xl-4">
										<label class="form-label" for="lvl-map-status">{{tx("lvl:admin.roster.field.status")}}</label>
										<select class="form-select" id="lvl-map-status" data-field="status"></select>
									</div>
									<div class="col-12 col-md-6 col-xl-4">
										<label class="form-label" for="lvl-map-endDate">{{tx("lvl:admin.roster.field.endDate")}}</label>
										<select class="form-select" id="lvl-map-endDate" data-field="endDate"></select>
									</div>
									<div class="col-12 col-md-6 col-xl-4">
										<label class="form-label" for="lvl-map-emails">{{tx("lvl:admin.roster.field.emails")}}</label>
										<select class="form-select" id="lvl-map-emails" data-field="emails" multiple size="4" aria-describedby="lvl-map-emails-help"></select>
										<div class="form-text" id="lvl-map-emails-help">{{tx("lvl:admin.roster.mapping.emails-help")}}</div>
									</div>
									<fieldset class="col-12" id="lvl-statuses-group">
										<legend class="form-label fs-6 mb-1">{{tx("lvl:admin.roster.mapping.statuses")}}</legend>
										<div class="form-text mt-0 mb-2">{{tx("lvl:admin.roster.mapping.statuses-help")}}</div>
										<div id="lvl-statuses-review" class="alert alert-warning py-2 d-none" role="status"><i class="fa fa-circle-question"></i> {{tx("lvl:admin.roster.statuses.review")}}</div>
										<div class="table-responsive">
											<table class="table table-sm align-middle mb-0 w-auto" id="lvl-statuses-table">
												<thead><tr><th>{{tx("lvl:admin.roster.statuses.active")}}</th><th>{{tx("lvl:admin.roster.field.status")}}</th><th class="text-end">{{tx("lvl:admin.roster.statuses.count")}}</th><th></th></tr></thead>
												<tbody id="lvl-active-statuses"></tbody>
											</table>
										</div>
									</fieldset>
									<div class="col-12 d-flex flex-wrap align-items-center gap-2">
										<button type="submit" id="lvl-remap" class="btn btn-outline-primary"><i class="fa fa-rotate"></i> {{tx("lvl:admin.roster.mapping.update")}}</button>
										<span id="lvl-mapping-dirty" class="text-warning-emphasis small d-none">{{tx("lvl:admin.roster.mapping.dirty")}}</span>
									</div>
								</form>
							</div>
						</div>

						<div id="lvl-no-member-number" class="alert alert-warning d-none">{{tx("lvl:admin.roster.mapping.no-member-number")}}</div>
						<div id="lvl-removes-everyone" class="alert alert-danger d-none" role="alert"><i class="fa fa-triangle-exclamation"></i> {{tx("lvl:admin.roster.preview.removes-everyone")}}</div>

						<div class="row g-2 mb-3">
							<div class="col-6 col-md-3"><div class="card h-100"><div class="card-body p-2"><div class="fs-4 fw-bold" data-count="rows">0</div><div class="small text-secondary">{{tx("lvl:admin.roster.count.rows")}}</div></div></div></div>
							<div class="col-6 col-md-3"><div class="card h-100"><div class="card-body p-2"><div class="fs-4 fw-bold text-success" data-count="added">0</div><div class="small text-secondary">{{tx("lvl:admin.roster.count.added")}}</div></div></div></div>
							<div class="col-6 col-md-3"><div class="card h-100"><div class="card-body p-2"><div class="fs-4 fw-bold text-warning-emphasis" data-count="changed">0</div><div class="small text-secondary">{{tx("lvl:admin.roster.count.changed")}}</div></div></div></div>
							<div class="col-6 col-md-3"><div class="card h-100"><div class="card-body p-2"><div class="fs-4 fw-bold" data-count="unchanged">0</div><div class="small text-secondary">{{tx("lvl:admin.roster.count.unchanged")}}</div></div></div></div>
							<div class="col-6 col-md-3"><div class="card h-100"><div class="card-body p-2"><div class="fs-4 fw-bold text-danger" data-count="leaving">0</div><div class="small text-secondary">{{tx("lvl:admin.roster.count.leaving")}}</div></div></div></div>
							<div class="col-6 col-md-3"><div class="card h-100"><div class="card-body p-2"><div class="fs-4 fw-bold text-danger" data-count="invalid">0</div><div class="small text-secondary">{{tx("lvl:admin.roster.count.invalid")}}</div></div></div></div>
							<div class="col-6 col-md-3"><div class="card h-100"><div class="card-body p-2"><div class="fs-4 fw-bold text-warning-emphasis" data-count="warnings">0</div><div class="small text-secondary">{{tx("lvl:admin.roster.count.warnings")}}</div></div></div></div>
							<div class="col-6 col-md-3"><div class="card h-100"><div class="card-body p-2"><div class="fs-4 fw-bold" data-count="currentActive">0</div><div class="small text-secondary">{{tx("lvl:admin.roster.count.currentActive")}}</div></div></div></div>
							<div class="col-6 col-md-3"><div class="card h-100"><div class="card-body p-2"><div class="fs-4 fw-bold" data-count="active">0</div><div class="small text-secondary">{{tx("lvl:admin.roster.count.active")}}</div></div></div></div>
						</div>

						<div class="card mb-3" id="lvl-people">
							<div class="card-body">
								<h5 class="fw-bold tracking-tight settings-header">{{tx("lvl:admin.roster.people.title")}}</h5>
								<ul class="list-unstyled mb-0 d-flex flex-column gap-1">
									<li data-people="leaving" class="d-none"><i class="fa fa-fw fa-user-clock text-danger"></i> <span></span></li>
									<li data-people="deactivated" class="d-none"><i class="fa fa-fw fa-user-slash text-danger"></i> <span></span></li>
									<li data-people="verification" class="d-none"><i class="fa fa-fw fa-id-card text-warning-emphasis"></i> <span></span></li>
									<li data-people="warnings" class="d-none"><i class="fa fa-fw fa-triangle-exclamation text-warning-emphasis"></i> <span></span></li>
									<li data-people="duplicates" class="d-none"><i class="fa fa-fw fa-clone text-danger"></i> <span></span></li>
									<li data-people="nothing" class="d-none text-secondary"><i class="fa fa-fw fa-check text-success"></i> {{tx("lvl:admin.roster.people.nothing")}}</li>
								</ul>
							</div>
						</div>

						<ul class="nav nav-pills mb-2 flex-nowrap overflow-auto text-nowrap" role="tablist">
							<li class="nav-item" role="presentation"><button class="nav-link active" data-bs-toggle="tab" data-bs-target="#lvl-list-added" type="button" role="tab">{{tx("lvl:admin.roster.list.added")}} <span class="badge text-bg-light" data-count="added"></span></button></li>
							<li class="nav-item" role="presentation"><button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-list-changed" type="button" role="tab">{{tx("lvl:admin.roster.list.changed")}} <span class="badge text-bg-light" data-count="changed"></span></button></li>
							<li class="nav-item" role="presentation"><button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-list-leaving" type="button" role="tab">{{tx("lvl:admin.roster.list.leaving")}} <span class="badge text-bg-light" data-count="leaving"></span></button></li>
							<li class="nav-item" role="presentation"><button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-list-warnings" type="button" role="tab">{{tx("lvl:admin.roster.list.warnings")}} <span class="badge text-bg-light" data-count="warnings"></span></button></li>
							<li class="nav-item" role="presentation"><button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-list-invalid" type="button" role="tab">{{tx("lvl:admin.roster.list.invalid")}} <span class="badge text-bg-light" data-count="invalid"></span></button></li>
						</ul>
						<div class="tab-content mb-3">
							<div class="tab-pane fade show active" id="lvl-list-added" role="tabpanel">
								<div class="table-responsive">
									<table class="table table-sm align-middle">
										<thead><tr><th>{{tx("lvl:admin.roster.field.memberNumber")}}</th><th>{{tx("lvl:admin.roster.field.lastName")}}</th><th>{{tx("lvl:admin.roster.field.firstName")}}</th><th>{{tx("lvl:admin.roster.field.emails")}}</th><th>{{tx("lvl:admin.roster.field.birthDate")}}</th><th>{{tx("lvl:admin.roster.field.status")}}</th><th>{{tx("lvl:admin.roster.field.active")}}</th><th>{{tx("lvl:admin.roster.field.endDate")}}</th></tr></thead>
										<tbody></tbody>
									</table>
								</div>
								<p class="lvl-empty text-secondary d-none">{{tx("lvl:admin.roster.list.empty")}}</p>
								<button type="button" class="btn btn-sm btn-light d-none" data-more="added">{{tx("lvl:admin.roster.list.more")}}</button>
							</div>
							<div class="tab-pane fade" id="lvl-list-changed" role="tabpanel">
								<p class="small text-secondary">{{tx("lvl:admin.roster.list.changed-help")}}</p>
								<div class="table-responsive">
									<table class="table table-sm align-middle">
										<thead><tr><th>{{tx("lvl:admin.roster.field.memberNumber")}}</th><th>{{tx("lvl:admin.roster.field.lastName")}}</th><th>{{tx("lvl:admin.roster.field.firstName")}}</th><th>{{tx("lvl:admin.roster.field.emails")}}</th><th>{{tx("lvl:admin.roster.field.birthDate")}}</th><th>{{tx("lvl:admin.roster.field.status")}}</th><th>{{tx("lvl:admin.roster.field.active")}}</th><th>{{tx("lvl:admin.roster.field.endDate")}}</th><th>{{tx("lvl:admin.roster.field.consequence")}}</th></tr></thead>
										<tbody></tbody>
									</table>
								</div>
								<p class="lvl-empty text-secondary d-none">{{tx("lvl:admin.roster.list.empty")}}</p>
								<button type="button" class="btn btn-sm btn-light d-none" data-more="changed">{{tx("lvl:admin.roster.list.more")}}</button>
							</div>
							<div class="tab-pane fade" id="lvl-list-leaving" role="tabpanel">
								<p class="small text-secondary">{{tx("lvl:admin.roster.list.leaving-help")}}</p>
								<div class="table-responsive">
									<table class="table table-sm align-middle">
										<thead><tr><th>{{tx("lvl:admin.roster.field.memberNumber")}}</th><th>{{tx("lvl:admin.roster.field.lastName")}}</th><th>{{tx("lvl:admin.roster.field.firstName")}}</th><th>{{tx("lvl:admin.roster.field.emails")}}</th><th>{{tx("lvl:admin.roster.field.birthDate")}}</th><th>{{tx("lvl:admin.roster.field.status")}}</th><th>{{tx("lvl:admin.roster.field.active")}}</th><th>{{tx("lvl:admin.roster.field.endDate")}}</th><th>{{tx("lvl:admin.roster.field.consequence")}}</th></tr></thead>
										<tbody></tbody>
									</table>
								</div>
								<p class="lvl-empty text-secondary d-none">{{tx("lvl:admin.roster.list.empty")}}</p>
								<button type="button" class="btn btn-sm btn-light d-none" data-more="leaving">{{tx("lvl:admin.roster.list.more")}}</button>
							</div>
							<div class="tab-pane fade" id="lvl-list-warnings" role="tabpanel">
								<p class="small text-secondary">{{tx("lvl:admin.roster.list.warnings-help")}}</p>
								<div class="table-responsive">
									<table class="table table-sm align-middle">
										<thead><tr><th>{{tx("lvl:admin.roster.field.line")}}</th><th>{{tx("lvl:admin.roster.field.memberNumber")}}</th><th>{{tx("lvl:admin.roster.field.reason")}}</th></tr></thead>
										<tbody></tbody>
									</table>
								</div>
								<p class="lvl-empty text-secondary d-none">{{tx("lvl:admin.roster.list.empty")}}</p>
								<button type="button" class="btn btn-sm btn-light d-none" data-more="warnings">{{tx("lvl:admin.roster.list.more")}}</button>
							</div>
							<div class="tab-pane fade" id="lvl-list-invalid" role="tabpanel">
								<p class="small text-secondary">{{tx("lvl:admin.roster.list.invalid-help")}}</p>
								<div class="table-responsive">
									<table class="table table-sm align-middle">
										<thead><tr><th>{{tx("lvl:admin.roster.field.line")}}</th><th>{{tx("lvl:admin.roster.field.memberNumber")}}</th><th>{{tx("lvl:admin.roster.field.reason")}}</th></tr></thead>
										<tbody></tbody>
									</table>
								</div>
								<p class="lvl-empty text-secondary d-none">{{tx("lvl:admin.roster.list.empty")}}</p>
								<button type="button" class="btn btn-sm btn-light d-none" data-more="invalid">{{tx("lvl:admin.roster.list.more")}}</button>
							</div>
						</div>

						<div class="d-flex flex-column flex-sm-row gap-2 border-top pt-3">
							<button type="button" id="lvl-apply" class="btn btn-primary"><i class="fa fa-check"></i> {{tx("lvl:admin.roster.apply")}}</button>
							<button type="button" id="lvl-discard" class="btn btn-outline-danger"><i class="fa fa-trash"></i> {{tx("lvl:admin.roster.discard")}}</button>
						</div>
					</div>
				</div>

				<!-- Ledenlijst -->
				<div class="tab-pane fade" id="lvl-tab-roster" role="tabpanel">
					<div class="d-flex flex-wrap gap-2 mb-3">
						<form id="lvl-roster-search" class="input-group flex-nowrap flex-grow-1 w-auto" role="search">
							<input type="search" name="q" class="form-control" maxlength="100" placeholder="{{tx("lvl:admin.roster.search.placeholder")}}" aria-label="{{tx("lvl:admin.roster.search.placeholder")}}">
							<button type="submit" class="btn btn-outline-secondary" title="{{tx("global:search")}}" aria-label="{{tx("global:search")}}"><i class="fa fa-search"></i></button>
						</form>
						<select id="lvl-roster-filter" class="form-select w-auto" aria-label="{{tx("lvl:admin.roster.filter.label")}}">
							<option value="">{{tx("lvl:admin.roster.filter.all")}}</option>
							<option value="grace">{{tx("lvl:admin.roster.filter.grace")}}</option>
							<option value="revoked">{{tx("lvl:admin.roster.filter.revoked")}}</option>
							<option value="restored">{{tx("lvl:admin.roster.filter.restored")}}</option>
							<option value="unregistered">{{tx("lvl:admin.roster.filter.unregistered")}}</option>
						</select>
						<button type="button" id="lvl-roster-add" class="btn btn-primary text-nowrap"><i class="fa fa-plus"></i> {{tx("lvl:admin.roster.add")}}</button>
					</div>
					<div class="table-responsive">
						<table id="lvl-roster-table" class="table table-sm align-middle">
							<thead>
								<tr>
									<th>{{tx("lvl:admin.roster.field.memberNumber")}}</th>
									<th>{{tx("lvl:admin.roster.field.name")}}</th>
									<th>{{tx("lvl:admin.roster.field.emails")}}</th>
									<th>{{tx("lvl:admin.roster.field.status")}}</th>
									<th>{{tx("lvl:admin.roster.field.active")}}</th>
									<th>{{tx("lvl:admin.roster.field.endDate")}}</th>
									<th>{{tx("lvl:admin.roster.field.account")}}</th>
									<th class="text-end">{{tx("lvl:admin.roster.actions")}}</th>
								</tr>
							</thead>
							<tbody></tbody>
						</table>
					</div>
					<p id="lvl-roster-empty" class="text-secondary d-none">{{tx("lvl:admin.roster.empty")}}</p>
					<nav id="lvl-roster-pager" class="d-flex align-items-center justify-content-between gap-2">
						<button type="button" class="btn btn-sm btn-light" data-page="-1"><i class="fa fa-chevron-left"></i> {{tx("lvl:admin.roster.previous")}}</button>
						<span id="lvl-roster-range" class="small text-secondary"></span>
						<button type="button" class="btn btn-sm btn-light" data-page="1">{{tx("lvl:admin.roster.next")}} <i class="fa fa-chevron-right"></i></button>
					</nav>
				</div>

				<!-- Aanvragen -->
				<div class="tab-pane fade" id="lvl-tab-requests" role="tabpanel">
					<p class="text-secondary">{{tx("lvl:admin.roster.requests.help")}}</p>
					<div class="table-responsive">
						<table id="lvl-requests-table" class="table table-sm align-middle">
							<thead>
								<tr>
									<th>{{tx("lvl:admin.roster.requests.date")}}</th>
									<th>{{tx("lvl:admin.roster.requests.user")}}</th>
									<th>{{tx("lvl:admin.roster.field.reason")}}</th>
									<th>{{tx("lvl:admin.roster.requests.note")}}</th>
									<th>{{tx("lvl:admin.roster.requests.decision")}}</th>
								</tr>
							</thead>
							<tbody></tbody>
						</table>
					</div>
					<p id="lvl-requests-empty" class="text-secondary d-none">{{tx("lvl:admin.roster.requests.empty")}}</p>
					<p id="lvl-requests-range" class="small text-secondary"></p>
				</div>

				<!-- Geschiedenis -->
				<div class="tab-pane fade" id="lvl-tab-history" role="tabpanel">
					<p class="text-secondary">{{tx("lvl:admin.roster.history.help")}}</p>
					<div class="table-responsive">
						<table id="lvl-history-table" class="table table-sm align-middle">
							<thead>
								<tr>
									<th>{{tx("lvl:admin.roster.history.date")}}</th>
									<th>{{tx("lvl:admin.roster.history.file")}}</th>
									<th>{{tx("lvl:admin.roster.history.status")}}</th>
									<th>{{tx("lvl:admin.roster.history.applied")}}</th>
									<th>{{tx("lvl:admin.roster.count.rows")}}</th>
									<th>{{tx("lvl:admin.roster.count.added")}}</th>
									<th>{{tx("lvl:admin.roster.count.changed")}}</th>
									<th>{{tx("lvl:admin.roster.count.leaving")}}</th>
									<th>{{tx("lvl:admin.roster.count.invalid")}}</th>
									<th></th>
								</tr>
							</thead>
							<tbody></tbody>
						</table>
					</div>
					<p id="lvl-history-empty" class="text-secondary d-none">{{tx("lvl:admin.roster.history.empty")}}</p>
				</div>
			</div>
		</div>
	</div>

	<!-- Texts and pieces the page script fills in; translated here, inserted as text. -->
	<div id="lvl-roster-labels" hidden>
		<span data-label="yes">{{tx("lvl:admin.roster.yes")}}</span>
		<span data-label="no">{{tx("lvl:admin.roster.no")}}</span>
		<span data-label="not-in-file">{{tx("lvl:admin.roster.mapping.not-in-file")}}</span>
		<span data-label="grace-until">{{tx("lvl:admin.roster.grace-until")}}</span>
		<span data-label="revoked-on">{{tx("lvl:admin.roster.revoked-on")}}</span>
		<span data-label="restored-on">{{tx("lvl:admin.roster.restored-on")}}</span>
		<span data-label="not-on-roster">{{tx("lvl:admin.roster.not-on-roster")}}</span>
		<span data-label="status-left">{{tx("lvl:admin.roster.statuses.recognised")}}</span>
		<span data-label="status-empty">{{tx("lvl:admin.roster.statuses.empty")}}</span>
		<span data-label="fate.grace">{{tx("lvl:admin.roster.fate.grace")}}</span>
		<span data-label="fate.none">{{tx("lvl:admin.roster.fate.none")}}</span>
		<span data-label="fate.revoked">{{tx("lvl:admin.roster.fate.revoked")}}</span>
		<span data-label="fate.override">{{tx("lvl:admin.roster.fate.override")}}</span>
		<span data-label="touches-verification">{{tx("lvl:admin.roster.touches-verification")}}</span>
		<span data-label="statuses-active">{{tx("lvl:admin.roster.statuses.confirm-active")}}</span>
		<span data-label="statuses-inactive">{{tx("lvl:admin.roster.statuses.confirm-inactive")}}</span>
		<span data-label="statuses-none">{{tx("lvl:admin.roster.statuses.confirm-none")}}</span>
		<span data-label="override">{{tx("lvl:admin.roster.standing.override")}}</span>
		<span data-label="standing.unlinked">{{tx("lvl:admin.roster.standing.unlinked")}}</span>
		<span data-label="standing.member">{{tx("lvl:admin.roster.standing.member")}}</span>
		<span data-label="standing.grace">{{tx("lvl:admin.roster.standing.grace")}}</span>
		<span data-label="standing.revoked">{{tx("lvl:admin.roster.standing.revoked")}}</span>
		<span data-label="reason.no-match">{{tx("lvl:admin.roster.reason.no-match")}}</span>
		<span data-label="reason.already-linked">{{tx("lvl:admin.roster.reason.already-linked")}}</span>
		<span data-label="reason.asked">{{tx("lvl:admin.roster.reason.asked")}}</span>
		<span data-label="import.preview">{{tx("lvl:admin.roster.import.preview")}}</span>
		<span data-label="import.applied">{{tx("lvl:admin.roster.import.applied")}}</span>
		<span data-label="import.discarded">{{tx("lvl:admin.roster.import.discarded")}}</span>
		<span data-label="import.failed">{{tx("lvl:admin.roster.import.failed")}}</span>
	</div>

	<template id="lvl-tpl-row-actions">
		<div class="d-flex flex-wrap justify-content-end gap-1">
			<button type="button" class="btn btn-sm btn-light text-nowrap" data-action="edit"><i class="fa fa-pencil"></i> {{tx("lvl:admin.roster.action.edit")}}</button>
			<button type="button" class="btn btn-sm btn-light text-nowrap" data-action="leave"><i class="fa fa-user-minus"></i> {{tx("lvl:admin.roster.action.leave")}}</button>
			<button type="button" class="btn btn-sm btn-outline-success text-nowrap" data-action="restore"><i class="fa fa-unlock"></i> {{tx("lvl:admin.roster.action.restore")}}</button>
			<button type="button" class="btn btn-sm btn-light text-nowrap" data-action="end-override"><i class="fa fa-rotate-left"></i> {{tx("lvl:admin.roster.action.end-override")}}</button>
		</div>
	</template>

	<template id="lvl-tpl-request-actions">
		<div class="d-flex flex-wrap align-items-center gap-1">
			<input type="text" name="memberNumber" class="form-control form-control-sm w-auto" size="10" maxlength="50" placeholder="{{tx("lvl:admin.roster.field.memberNumber")}}" aria-label="{{tx("lvl:admin.roster.field.memberNumber")}}">
			<button type="button" class="btn btn-sm btn-success text-nowrap" data-action="approve"><i class="fa fa-check"></i> {{tx("lvl:admin.roster.requests.approve")}}</button>
			<button type="button" class="btn btn-sm btn-outline-danger text-nowrap" data-action="refuse"><i class="fa fa-times"></i> {{tx("lvl:admin.roster.requests.refuse")}}</button>
		</div>
	</template>

	<template id="lvl-tpl-history-open">
		<button type="button" class="btn btn-sm btn-light text-nowrap" data-action="open"><i class="fa fa-folder-open"></i> {{tx("lvl:admin.roster.history.open")}}</button>
	</template>

	<template id="lvl-tpl-entry-form">
		<form class="row g-3" novalidate>
			<div class="col-12 col-sm-6">
				<label class="form-label" for="lvl-entry-memberNumber">{{tx("lvl:admin.roster.field.memberNumber")}} *</label>
				<input type="text" class="form-control" id="lvl-entry-memberNumber" name="memberNumber" maxlength="50" required aria-describedby="lvl-entry-memberNumber-help">
				<div class="form-text" id="lvl-entry-memberNumber-help">{{tx("lvl:admin.roster.form.member-number-help")}}</div>
			</div>
			<div class="col-12 col-sm-6">
				<label class="form-label" for="lvl-entry-status">{{tx("lvl:admin.roster.field.status")}}</label>
				<input type="text" class="form-control" id="lvl-entry-status" name="status" maxlength="100">
			</div>
			<div class="col-12 col-sm-6">
				<label class="form-label" for="lvl-entry-lastName">{{tx("lvl:admin.roster.field.lastName")}}</label>
				<input type="text" class="form-control" id="lvl-entry-lastName" name="lastName" maxlength="100" autocomplete="off">
			</div>
			<div class="col-12 col-sm-6">
				<label class="form-label" for="lvl-entry-firstName">{{tx("lvl:admin.roster.field.firstName")}}</label>
				<input type="text" class="form-control" id="lvl-entry-firstName" name="firstName" maxlength="100" autocomplete="off">
			</div>
			<div class="col-12">
				<label class="form-label" for="lvl-entry-emails">{{tx("lvl:admin.roster.field.emails")}}</label>
				<input type="text" class="form-control" id="lvl-entry-emails" name="emails" maxlength="1000" inputmode="email" autocomplete="off" aria-describedby="lvl-entry-emails-help">
				<div class="form-text" id="lvl-entry-emails-help">{{tx("lvl:admin.roster.form.emails-help")}}</div>
			</div>
			<div class="col-12 col-sm-6">
				<label class="form-label" for="lvl-entry-birthDate">{{tx("lvl:admin.roster.field.birthDate")}}</label>
				<input type="date" class="form-control" id="lvl-entry-birthDate" name="birthDate">
			</div>
			<div class="col-12 col-sm-6">
				<label class="form-label" for="lvl-entry-endDate">{{tx("lvl:admin.roster.field.endDate")}}</label>
				<input type="date" class="form-control" id="lvl-entry-endDate" name="endDate">
			</div>
			<div class="col-12">
				<div class="form-check form-switch">
					<input class="form-check-input" type="checkbox" role="switch" id="lvl-entry-active" name="active" aria-describedby="lvl-entry-active-help">
					<label class="form-check-label" for="lvl-entry-active">{{tx("lvl:admin.roster.field.active")}}</label>
				</div>
				<div class="form-text" id="lvl-entry-active-help">{{tx("lvl:admin.roster.form.active-help")}}</div>
			</div>
		</form>
	</template>
</div>
