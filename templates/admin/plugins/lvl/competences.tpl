<div class="acp-page-container lvl-competences" data-lang="{{lang}}">
	<div class="row border-bottom py-2 m-0 sticky-top acp-page-main-header align-items-center gap-1">
		<div class="col-12 col-md px-0">
			<h4 class="fw-bold tracking-tight mb-0">{{tx(title)}}</h4>
		</div>
		<div class="col-12 col-md-auto px-0 text-secondary small" id="lvl-tax-summary"></div>
	</div>

	<div class="row m-0">
		<div class="col-12 px-0 py-3">
			<ul class="nav nav-tabs mb-3 flex-nowrap overflow-auto text-nowrap" role="tablist">
				<li class="nav-item" role="presentation">
					<button class="nav-link active" data-bs-toggle="tab" data-bs-target="#lvl-tab-taxonomy" type="button" role="tab" aria-controls="lvl-tab-taxonomy" aria-selected="true">{{tx("lvl:admin.competences.tab.taxonomy")}}</button>
				</li>
				<li class="nav-item" role="presentation">
					<button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-tab-proposals" type="button" role="tab" aria-controls="lvl-tab-proposals" aria-selected="false">
						{{tx("lvl:admin.competences.tab.proposals")}} <span id="lvl-proposals-badge" class="badge text-bg-danger rounded-pill{{{ if !pendingCount }}} d-none{{{ end }}}">{pendingCount}</span>
					</button>
				</li>
				<li class="nav-item" role="presentation">
					<button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-tab-files" type="button" role="tab" aria-controls="lvl-tab-files" aria-selected="false">{{tx("lvl:admin.competences.tab.files")}}</button>
				</li>
			</ul>

			<div class="tab-content">
				<!-- Taxonomie -->
				<div class="tab-pane fade show active" id="lvl-tab-taxonomy" role="tabpanel">
					<p class="text-secondary">{{tx("lvl:admin.competences.taxonomy.help")}}</p>
					<div class="d-flex flex-wrap gap-2 mb-3">
						<div class="input-group flex-nowrap flex-grow-1 w-auto" role="search">
							<span class="input-group-text"><i class="fa fa-search"></i></span>
							<input type="search" id="lvl-tax-filter" class="form-control" maxlength="100" autocomplete="off" placeholder="{{tx("lvl:admin.competences.filter.placeholder")}}" aria-label="{{tx("lvl:admin.competences.filter.placeholder")}}">
						</div>
						<div class="d-flex flex-wrap gap-2">
							<div class="btn-group">
								<button type="button" class="btn btn-light" data-toggle-all="open" title="{{tx("lvl:admin.competences.expand-all")}}" aria-label="{{tx("lvl:admin.competences.expand-all")}}"><i class="fa fa-fw fa-angles-down"></i></button>
								<button type="button" class="btn btn-light" data-toggle-all="close" title="{{tx("lvl:admin.competences.collapse-all")}}" aria-label="{{tx("lvl:admin.competences.collapse-all")}}"><i class="fa fa-fw fa-angles-up"></i></button>
							</div>
							<button type="button" class="btn btn-outline-primary text-nowrap" data-show-form="domain"><i class="fa fa-folder-plus"></i> {{tx("lvl:admin.competences.domain.add")}}</button>
							<button type="button" class="btn btn-primary text-nowrap" data-show-form="competence"><i class="fa fa-plus"></i> {{tx("lvl:admin.competences.competence.add")}}</button>
						</div>
					</div>

					<div id="lvl-add-domain" class="card mb-3 d-none" data-form="domain">
						<div class="card-body">
							<h5 class="fw-bold tracking-tight settings-header">{{tx("lvl:admin.competences.domain.add-title")}}</h5>
							<p class="text-secondary small">{{tx("lvl:admin.competences.domain.add-help")}}</p>
							<div class="lvl-form-slot mb-3"></div>
							<div class="d-flex flex-column flex-sm-row gap-2">
								<button type="button" class="btn btn-primary" data-action="save"><i class="fa fa-check"></i> {{tx("lvl:admin.competences.domain.create")}}</button>
								<button type="button" class="btn btn-link" data-action="cancel">{{tx("global:cancel")}}</button>
							</div>
						</div>
					</div>

					<div id="lvl-add-competence" class="card mb-3 d-none" data-form="competence">
						<div class="card-body">
							<h5 class="fw-bold tracking-tight settings-header">{{tx("lvl:admin.competences.competence.add-title")}}</h5>
							<p class="text-secondary small">{{tx("lvl:admin.competences.competence.add-help")}}</p>
							<div class="lvl-form-slot mb-3"></div>
							<div class="d-flex flex-column flex-sm-row gap-2">
								<button type="button" class="btn btn-primary" data-action="save"><i class="fa fa-check"></i> {{tx("lvl:admin.competences.competence.create")}}</button>
								<button type="button" class="btn btn-link" data-action="cancel">{{tx("global:cancel")}}</button>
							</div>
						</div>
					</div>

					<p id="lvl-tax-loading" class="text-secondary"><i class="fa fa-spinner fa-spin"></i> {{tx("lvl:admin.competences.loading")}}</p>
					<div id="lvl-domains"></div>
					<p id="lvl-tax-empty" class="text-secondary d-none">{{tx("lvl:admin.competences.taxonomy.empty")}}</p>
					<p id="lvl-tax-no-match" class="text-secondary d-none">{{tx("lvl:admin.competences.filter.no-match")}}</p>
				</div>

				<!-- Voorstellen -->
				<div class="tab-pane fade" id="lvl-tab-proposals" role="tabpanel">
					<div class="d-flex flex-column flex-md-row justify-content-between align-items-md-center gap-2 mb-3">
						<p class="text-secondary mb-0">{{tx("lvl:admin.competences.proposals.help")}}</p>
						<div class="form-check form-switch text-nowrap">
							<input class="form-check-input" type="checkbox" role="switch" id="lvl-proposals-all">
							<label class="form-check-label" for="lvl-proposals-all">{{tx("lvl:admin.competences.proposals.show-all")}}</label>
						</div>
					</div>
					<div class="table-responsive">
						<table id="lvl-proposals-table" class="table table-sm align-middle">
							<thead>
								<tr>
									<th>{{tx("lvl:admin.competences.proposals.date")}}</th>
									<th>{{tx("lvl:admin.competences.proposals.member")}}</th>
									<th>{{tx("lvl:admin.competences.proposals.proposal")}}</th>
									<th>{{tx("lvl:admin.competences.field.domain")}}</th>
									<th>{{tx("lvl:admin.competences.field.status")}}</th>
									<th class="text-end">{{tx("lvl:admin.competences.actions")}}</th>
								</tr>
							</thead>
							<tbody></tbody>
						</table>
					</div>
					<p id="lvl-proposals-empty" class="text-secondary d-none">{{tx("lvl:admin.competences.proposals.empty")}}</p>
				</div>

				<!-- Import / export -->
				<div class="tab-pane fade" id="lvl-tab-files" role="tabpanel">
					<div class="card mb-3">
						<div class="card-body">
							<h5 class="fw-bold tracking-tight settings-header">{{tx("lvl:admin.competences.export.title")}}</h5>
							<p class="text-secondary">{{tx("lvl:admin.competences.export.help")}}</p>
							<div class="d-flex flex-column flex-sm-row gap-2">
								<a class="btn btn-outline-primary" href="{config.relative_path}/api/v3/plugins/lvl/taxonomy/export?format=json" download="competenties.json"><i class="fa fa-download"></i> {{tx("lvl:admin.competences.export.json")}}</a>
								<a class="btn btn-outline-primary" href="{config.relative_path}/api/v3/plugins/lvl/taxonomy/export?format=csv" download="competenties.csv"><i class="fa fa-file-csv"></i> {{tx("lvl:admin.competences.export.csv")}}</a>
							</div>
						</div>
					</div>

					<div class="card mb-3">
						<div class="card-body">
							<h5 class="fw-bold tracking-tight settings-header">{{tx("lvl:admin.competences.import.title")}}</h5>
							<p class="text-secondary">{{tx("lvl:admin.competences.import.help")}}</p>
							<p class="text-secondary small mb-1">{{tx("lvl:admin.competences.import.csv-help")}}</p>
							<pre class="small bg-body-tertiary border rounded p-2 mb-3 text-wrap text-break"><code>domain;key;nl;fr;en;synonyms;retired;mergedInto
;law;Juridisch;Juridique;Law;;;
law;law.labour;Arbeidsrecht;Droit du travail;Employment law;ontslag|licenciement;;</code></pre>
							<form id="lvl-import-form" class="d-flex flex-column flex-sm-row gap-2 align-items-sm-end">
								<div class="flex-grow-1">
									<label class="form-label" for="lvl-import-file">{{tx("lvl:admin.competences.import.file")}}</label>
									<input type="file" id="lvl-import-file" name="file" class="form-control" accept=".json,.csv,application/json,text/csv">
								</div>
								<button type="submit" class="btn btn-primary text-nowrap"><i class="fa fa-upload"></i> {{tx("lvl:admin.competences.import.submit")}}</button>
							</form>
						</div>
					</div>
				</div>
			</div>
		</div>
	</div>

	<!-- Texts the page script fills in; translated here, inserted as text. -->
	<div id="lvl-competences-labels" hidden>
		<span data-label="active">{{tx("lvl:admin.competences.badge.active")}}</span>
		<span data-label="retired">{{tx("lvl:admin.competences.badge.retired")}}</span>
		<span data-label="domain-retired">{{tx("lvl:admin.competences.badge.domain-retired")}}</span>
		<span data-label="merged-into">{{tx("lvl:admin.competences.badge.merged-into")}}</span>
		<span data-label="choose-domain">{{tx("lvl:admin.competences.form.choose-domain")}}</span>
		<span data-label="no-domain">{{tx("lvl:admin.competences.proposals.no-domain")}}</span>
		<span data-label="status.pending">{{tx("lvl:admin.competences.status.pending")}}</span>
		<span data-label="status.approved">{{tx("lvl:admin.competences.status.approved")}}</span>
		<span data-label="status.merged">{{tx("lvl:admin.competences.status.merged")}}</span>
		<span data-label="status.refused">{{tx("lvl:admin.competences.status.refused")}}</span>
	</div>

	<template id="lvl-tpl-domain">
		<section class="card mb-2 lvl-domain">
			<div class="card-header d-flex flex-wrap align-items-center gap-2 py-2">
				<button type="button" class="btn btn-link link-body-emphasis text-decoration-none text-start p-0 flex-grow-1 d-flex flex-wrap align-items-center gap-2 lvl-domain-toggle" aria-expanded="false">
					<i class="fa fa-fw fa-chevron-right" aria-hidden="true"></i>
					<span class="fw-semibold" data-field="nl" lang="nl"></span>
					<span class="text-secondary small"><span data-field="fr" lang="fr"></span> · <span data-field="en" lang="en"></span></span>
					<code class="small" data-field="key"></code>
					<span class="badge text-bg-light border" data-field="count"></span>
					<span class="badge text-bg-warning d-none" data-badge="retired">{{tx("lvl:admin.competences.badge.domain-retired")}}</span>
				</button>
				<div class="d-flex flex-wrap gap-1">
					<button type="button" class="btn btn-sm btn-light" data-action="domain-up" title="{{tx("lvl:admin.competences.action.up")}}" aria-label="{{tx("lvl:admin.competences.action.up")}}"><i class="fa fa-arrow-up"></i></button>
					<button type="button" class="btn btn-sm btn-light" data-action="domain-down" title="{{tx("lvl:admin.competences.action.down")}}" aria-label="{{tx("lvl:admin.competences.action.down")}}"><i class="fa fa-arrow-down"></i></button>
					<button type="button" class="btn btn-sm btn-light text-nowrap" data-action="domain-edit"><i class="fa fa-pencil"></i> {{tx("lvl:admin.competences.action.edit")}}</button>
					<button type="button" class="btn btn-sm btn-light text-nowrap" data-action="domain-add"><i class="fa fa-plus"></i> {{tx("lvl:admin.competences.action.add-here")}}</button>
				</div>
			</div>
			<div class="card-body p-0 d-none lvl-domain-body">
				<div class="table-responsive">
					<table class="table table-sm align-middle mb-0">
						<thead>
							<tr>
								<th>{{tx("lvl:admin.competences.field.key")}}</th>
								<th lang="nl">{{tx("lvl:admin.competences.field.nl")}}</th>
								<th lang="fr">{{tx("lvl:admin.competences.field.fr")}}</th>
								<th lang="en">{{tx("lvl:admin.competences.field.en")}}</th>
								<th>{{tx("lvl:admin.competences.field.synonyms")}}</th>
								<th>{{tx("lvl:admin.competences.field.status")}}</th>
								<th class="text-end">{{tx("lvl:admin.competences.actions")}}</th>
							</tr>
						</thead>
						<tbody></tbody>
					</table>
				</div>
				<p class="lvl-empty text-secondary small m-3 d-none">{{tx("lvl:admin.competences.domain.empty")}}</p>
			</div>
		</section>
	</template>

	<template id="lvl-tpl-competence-actions">
		<div class="d-flex flex-nowrap justify-content-end gap-1">
			<button type="button" class="btn btn-sm btn-light" data-action="edit" title="{{tx("lvl:admin.competences.action.edit")}}" aria-label="{{tx("lvl:admin.competences.action.edit")}}"><i class="fa fa-fw fa-pencil"></i></button>
			<button type="button" class="btn btn-sm btn-light" data-action="up" title="{{tx("lvl:admin.competences.action.up")}}" aria-label="{{tx("lvl:admin.competences.action.up")}}"><i class="fa fa-fw fa-arrow-up"></i></button>
			<button type="button" class="btn btn-sm btn-light" data-action="down" title="{{tx("lvl:admin.competences.action.down")}}" aria-label="{{tx("lvl:admin.competences.action.down")}}"><i class="fa fa-fw fa-arrow-down"></i></button>
			<button type="button" class="btn btn-sm btn-light" data-action="retire" title="{{tx("lvl:admin.competences.action.retire")}}" aria-label="{{tx("lvl:admin.competences.action.retire")}}"><i class="fa fa-fw fa-box-archive"></i></button>
			<button type="button" class="btn btn-sm btn-outline-success" data-action="unretire" title="{{tx("lvl:admin.competences.action.unretire")}}" aria-label="{{tx("lvl:admin.competences.action.unretire")}}"><i class="fa fa-fw fa-rotate-left"></i></button>
			<button type="button" class="btn btn-sm btn-light" data-action="merge" title="{{tx("lvl:admin.competences.action.merge")}}" aria-label="{{tx("lvl:admin.competences.action.merge")}}"><i class="fa fa-fw fa-code-merge"></i></button>
		</div>
	</template>

	<template id="lvl-tpl-proposal-actions">
		<div class="d-flex flex-wrap justify-content-end gap-1">
			<button type="button" class="btn btn-sm btn-success text-nowrap" data-action="approve"><i class="fa fa-check"></i> {{tx("lvl:admin.competences.proposals.approve")}}</button>
			<button type="button" class="btn btn-sm btn-light text-nowrap" data-action="merge"><i class="fa fa-code-merge"></i> {{tx("lvl:admin.competences.proposals.merge")}}</button>
			<button type="button" class="btn btn-sm btn-outline-danger text-nowrap" data-action="refuse"><i class="fa fa-times"></i> {{tx("lvl:admin.competences.proposals.refuse")}}</button>
		</div>
	</template>

	<template id="lvl-tpl-domain-form">
		<form class="row g-3" novalidate>
			<div class="col-12 col-md-6 col-xl-3">
				<label class="form-label" for="lvl-df-nl">{{tx("lvl:admin.competences.field.nl")}} *</label>
				<input type="text" class="form-control" id="lvl-df-nl" name="nl" maxlength="80" required lang="nl" autocomplete="off">
			</div>
			<div class="col-12 col-md-6 col-xl-3">
				<label class="form-label" for="lvl-df-fr">{{tx("lvl:admin.competences.field.fr")}} *</label>
				<input type="text" class="form-control" id="lvl-df-fr" name="fr" maxlength="80" required lang="fr" autocomplete="off">
			</div>
			<div class="col-12 col-md-6 col-xl-3">
				<label class="form-label" for="lvl-df-en">{{tx("lvl:admin.competences.field.en")}} *</label>
				<input type="text" class="form-control" id="lvl-df-en" name="en" maxlength="80" required lang="en" autocomplete="off">
			</div>
			<div class="col-12 col-md-6 col-xl-3">
				<label class="form-label" for="lvl-df-key">{{tx("lvl:admin.competences.field.key")}} *</label>
				<input type="text" class="form-control font-monospace" id="lvl-df-key" name="key" maxlength="60" required autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="lvl-df-key-help">
				<div class="form-text" id="lvl-df-key-help">{{tx("lvl:admin.competences.form.domain-key-help")}}</div>
			</div>
			<div class="col-12" data-only="edit">
				<div class="form-check form-switch">
					<input class="form-check-input" type="checkbox" role="switch" id="lvl-df-retired" name="retired" aria-describedby="lvl-df-retired-help">
					<label class="form-check-label" for="lvl-df-retired">{{tx("lvl:admin.competences.form.domain-retired")}}</label>
				</div>
				<div class="form-text" id="lvl-df-retired-help">{{tx("lvl:admin.competences.form.domain-retired-help")}}</div>
			</div>
		</form>
	</template>

	<template id="lvl-tpl-competence-form">
		<form class="row g-3" novalidate>
			<div class="col-12 col-md-6">
				<label class="form-label" for="lvl-cf-domain">{{tx("lvl:admin.competences.field.domain")}} *</label>
				<select class="form-select" id="lvl-cf-domain" name="domain" required></select>
			</div>
			<div class="col-12 col-md-6">
				<label class="form-label" for="lvl-cf-key">{{tx("lvl:admin.competences.field.key")}} *</label>
				<input type="text" class="form-control font-monospace" id="lvl-cf-key" name="key" maxlength="60" required autocomplete="off" autocapitalize="off" spellcheck="false" aria-describedby="lvl-cf-key-help">
				<div class="form-text" id="lvl-cf-key-help">{{tx("lvl:admin.competences.form.competence-key-help")}}</div>
			</div>
			<div class="col-12 col-md-4">
				<label class="form-label" for="lvl-cf-nl">{{tx("lvl:admin.competences.field.nl")}} *</label>
				<input type="text" class="form-control" id="lvl-cf-nl" name="nl" maxlength="80" required lang="nl" autocomplete="off">
			</div>
			<div class="col-12 col-md-4">
				<label class="form-label" for="lvl-cf-fr">{{tx("lvl:admin.competences.field.fr")}} *</label>
				<input type="text" class="form-control" id="lvl-cf-fr" name="fr" maxlength="80" required lang="fr" autocomplete="off">
			</div>
			<div class="col-12 col-md-4">
				<label class="form-label" for="lvl-cf-en">{{tx("lvl:admin.competences.field.en")}} *</label>
				<input type="text" class="form-control" id="lvl-cf-en" name="en" maxlength="80" required lang="en" autocomplete="off">
			</div>
			<div class="col-12">
				<label class="form-label" for="lvl-cf-synonyms">{{tx("lvl:admin.competences.field.synonyms")}}</label>
				<textarea class="form-control" id="lvl-cf-synonyms" name="synonyms" rows="3" maxlength="1500" aria-describedby="lvl-cf-synonyms-help"></textarea>
				<div class="form-text" id="lvl-cf-synonyms-help">{{tx("lvl:admin.competences.form.synonyms-help")}}</div>
			</div>
		</form>
	</template>

	<template id="lvl-tpl-approve">
		<div>
			<dl class="row small bg-body-tertiary border rounded py-2 mx-0 mb-3">
				<dt class="col-sm-3">{{tx("lvl:admin.competences.proposals.member")}}</dt>
				<dd class="col-sm-9 text-break" data-field="username"></dd>
				<dt class="col-sm-3">{{tx("lvl:admin.competences.proposals.proposal")}}</dt>
				<dd class="col-sm-9 text-break fw-semibold" data-field="label"></dd>
				<dt class="col-sm-3" data-if="note">{{tx("lvl:admin.competences.proposals.note")}}</dt>
				<dd class="col-sm-9 text-break mb-0" data-field="note" data-if="note" style="white-space: pre-line;"></dd>
			</dl>
			<p class="small text-secondary">{{tx("lvl:admin.competences.proposals.approve-help")}}</p>
			<div class="lvl-form-slot"></div>
		</div>
	</template>

	<template id="lvl-tpl-merge">
		<div>
			<p class="mb-3">{{tx("lvl:admin.competences.merge.source")}} <strong class="text-break" data-field="source"></strong></p>
			<label class="form-label" for="lvl-merge-search">{{tx("lvl:admin.competences.merge.into")}}</label>
			<input type="search" id="lvl-merge-search" class="form-control mb-2" maxlength="100" autocomplete="off" placeholder="{{tx("lvl:admin.competences.merge.search")}}">
			<select id="lvl-merge-into" class="form-select" size="8" aria-label="{{tx("lvl:admin.competences.merge.into")}}"></select>
			<p class="small text-secondary mt-2 mb-0 d-none" data-field="none">{{tx("lvl:admin.competences.merge.none")}}</p>
			<div class="alert alert-warning small mt-3 mb-0" data-only="competence"><i class="fa fa-triangle-exclamation"></i> {{tx("lvl:admin.competences.merge.help")}}</div>
			<div class="alert alert-info small mt-3 mb-0" data-only="proposal">{{tx("lvl:admin.competences.proposals.merge-help")}}</div>
		</div>
	</template>
</div>
