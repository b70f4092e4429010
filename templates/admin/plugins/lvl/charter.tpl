<div class="acp-page-container lvl-charter-admin">
	<div class="row border-bottom py-2 m-0 sticky-top acp-page-main-header align-items-center gap-1">
		<div class="col-12 col-md px-0">
			<h4 class="fw-bold tracking-tight mb-0">{{tx("lvl-engagement:admin.title")}}</h4>
		</div>
		<div class="col-12 col-md-auto px-0 text-secondary small" id="lvl-charter-summary"></div>
	</div>

	<div class="row m-0">
		<div class="col-12 px-0 py-3">
			<ul class="nav nav-tabs mb-3 flex-nowrap overflow-auto text-nowrap" role="tablist">
				<li class="nav-item" role="presentation"><button class="nav-link active" data-bs-toggle="tab" data-bs-target="#lvl-tab-articles" type="button" role="tab">{{tx("lvl-engagement:admin.tab.articles")}}</button></li>
				<li class="nav-item" role="presentation"><button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-tab-versions" type="button" role="tab">{{tx("lvl-engagement:admin.tab.versions")}}</button></li>
				<li class="nav-item" role="presentation"><button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-tab-acceptances" type="button" role="tab">{{tx("lvl-engagement:admin.tab.acceptances")}}</button></li>
				<li class="nav-item" role="presentation"><button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-tab-moderation" type="button" role="tab">{{tx("lvl-engagement:admin.tab.moderation")}}</button></li>
				<li class="nav-item" role="presentation"><button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-tab-guard" type="button" role="tab">{{tx("lvl-engagement:admin.tab.guard")}}</button></li>
				<li class="nav-item" role="presentation"><button class="nav-link" data-bs-toggle="tab" data-bs-target="#lvl-tab-disclaimer" type="button" role="tab">{{tx("lvl-engagement:admin.tab.disclaimer")}}</button></li>
			</ul>

			<div class="tab-content">
				<!-- Artikels -->
				<div class="tab-pane fade show active" id="lvl-tab-articles" role="tabpanel">
					<p class="text-secondary">{{tx("lvl-engagement:admin.articles.help")}}</p>
					<div id="lvl-articles" class="d-flex flex-column gap-3 mb-3"></div>
					<div class="d-flex flex-column flex-sm-row gap-2">
						<button type="button" class="btn btn-outline-primary" id="lvl-article-add"><i class="fa fa-plus"></i> {{tx("lvl-engagement:admin.articles.add")}}</button>
						<button type="button" class="btn btn-primary" id="lvl-charter-publish"><i class="fa fa-paper-plane"></i> {{tx("lvl-engagement:admin.articles.publish")}}</button>
					</div>
				</div>

				<!-- Versies -->
				<div class="tab-pane fade" id="lvl-tab-versions" role="tabpanel">
					<div class="table-responsive">
						<table class="table table-sm align-middle" id="lvl-versions-table">
							<thead><tr><th>{{tx("lvl-engagement:admin.versions.version")}}</th><th>{{tx("lvl-engagement:admin.versions.published")}}</th><th>{{tx("lvl-engagement:admin.versions.articles")}}</th><th>{{tx("lvl-engagement:admin.versions.accepted")}}</th><th></th></tr></thead>
							<tbody></tbody>
						</table>
					</div>
					<div id="lvl-diff" class="d-none">
						<h5 class="fw-bold tracking-tight" id="lvl-diff-title"></h5>
						<div class="btn-group btn-group-sm mb-2" role="group" id="lvl-diff-langs">
							<button type="button" class="btn btn-outline-secondary active" data-lang="nl">NL</button>
							<button type="button" class="btn btn-outline-secondary" data-lang="fr">FR</button>
							<button type="button" class="btn btn-outline-secondary" data-lang="en">EN</button>
						</div>
						<div id="lvl-diff-body" class="d-flex flex-column gap-2"></div>
					</div>
				</div>

				<!-- Aanvaarding -->
				<div class="tab-pane fade" id="lvl-tab-acceptances" role="tabpanel">
					<p class="text-secondary" id="lvl-acceptances-summary"></p>
					<div class="btn-group btn-group-sm mb-2" role="group" id="lvl-acceptances-filter">
						<button type="button" class="btn btn-outline-secondary active" data-filter="pending">{{tx("lvl-engagement:admin.acceptances.pending")}}</button>
						<button type="button" class="btn btn-outline-secondary" data-filter="accepted">{{tx("lvl-engagement:admin.acceptances.accepted")}}</button>
						<button type="button" class="btn btn-outline-secondary" data-filter="all">{{tx("lvl-engagement:admin.acceptances.all")}}</button>
					</div>
					<div class="table-responsive">
						<table class="table table-sm align-middle" id="lvl-acceptances-table">
							<thead><tr><th>{{tx("lvl-engagement:admin.acceptances.member")}}</th><th>{{tx("lvl-engagement:admin.acceptances.version")}}</th><th>{{tx("lvl-engagement:admin.acceptances.when")}}</th></tr></thead>
							<tbody></tbody>
						</table>
					</div>
					<button type="button" class="btn btn-sm btn-outline-secondary d-none" id="lvl-acceptances-more">{{tx("lvl-engagement:admin.more")}}</button>
				</div>

				<!-- Meldingen en waarschuwingen -->
				<div class="tab-pane fade" id="lvl-tab-moderation" role="tabpanel">
					<form class="lvl-engagement-settings d-flex flex-column gap-3 mb-4">
						<div>
							<label class="form-label" for="lvl-charterAcceptance">{{tx("lvl-engagement:admin.acceptance-mode")}}</label>
							<select id="lvl-charterAcceptance" name="charterAcceptance" class="form-select">
								<option value="require">{{tx("lvl-engagement:admin.acceptance-mode.require")}}</option>
								<option value="inform">{{tx("lvl-engagement:admin.acceptance-mode.inform")}}</option>
							</select>
						</div>
						<div class="row g-3">
							<div class="col-12 col-md-4">
								<label class="form-label" for="lvl-warningDays">{{tx("lvl-engagement:admin.warning-days")}}</label>
								<input type="number" min="1" max="3650" step="1" id="lvl-warningDays" name="warningDays" class="form-control">
							</div>
							<div class="col-12 col-md-8">
								<label class="form-label" for="lvl-warningLadder">{{tx("lvl-engagement:admin.ladder")}}</label>
								<input type="text" id="lvl-warningLadder" name="warningLadder" class="form-control" maxlength="500" placeholder="2:queue:14, 3:mute:7">
								<div class="form-text">{{tx("lvl-engagement:admin.ladder-help")}}</div>
							</div>
						</div>
						<div>
							<label class="form-label" for="lvl-guardMode">{{tx("lvl-engagement:admin.guard-mode")}}</label>
							<select id="lvl-guardMode" name="guardMode" class="form-select">
								<option value="flag">{{tx("lvl-engagement:admin.guard-mode.flag")}}</option>
								<option value="queue">{{tx("lvl-engagement:admin.guard-mode.queue")}}</option>
								<option value="off">{{tx("lvl-engagement:admin.guard-mode.off")}}</option>
							</select>
						</div>
						<div><button type="button" class="btn btn-primary" id="lvl-engagement-save"><i class="fa fa-check"></i> {{tx("lvl-engagement:admin.save")}}</button></div>
					</form>
					<h5 class="fw-bold tracking-tight">{{tx("lvl-engagement:admin.stats.title")}}</h5>
					<div class="row g-2 mb-3" id="lvl-stats-figures"></div>
					<div class="table-responsive">
						<table class="table table-sm align-middle" id="lvl-stats-table">
							<thead><tr><th>{{tx("lvl-engagement:admin.stats.article")}}</th><th>{{tx("lvl-engagement:admin.stats.reports")}}</th><th>{{tx("lvl-engagement:admin.stats.open")}}</th><th></th></tr></thead>
							<tbody></tbody>
						</table>
					</div>
				</div>

				<!-- Niet-commercieel -->
				<div class="tab-pane fade" id="lvl-tab-guard" role="tabpanel">
					<p class="text-secondary">{{tx("lvl-engagement:admin.guard.help")}}</p>
					<div class="row g-3 mb-3">
						<div class="col-12 col-lg-4"><label class="form-label" for="lvl-patterns-nl">Nederlands</label><textarea id="lvl-patterns-nl" class="form-control font-monospace" rows="12"></textarea></div>
						<div class="col-12 col-lg-4"><label class="form-label" for="lvl-patterns-fr">Français</label><textarea id="lvl-patterns-fr" class="form-control font-monospace" rows="12"></textarea></div>
						<div class="col-12 col-lg-4"><label class="form-label" for="lvl-patterns-en">English</label><textarea id="lvl-patterns-en" class="form-control font-monospace" rows="12"></textarea></div>
					</div>
					<button type="button" class="btn btn-primary" id="lvl-patterns-save"><i class="fa fa-check"></i> {{tx("lvl-engagement:admin.save")}}</button>
				</div>

				<!-- Disclaimer -->
				<div class="tab-pane fade" id="lvl-tab-disclaimer" role="tabpanel">
					<p class="text-secondary">{{tx("lvl-engagement:admin.disclaimer.help")}}</p>
					<div class="d-flex flex-column gap-3 mb-3">
						<div><label class="form-label" for="lvl-disclaimer-nl">Nederlands</label><textarea id="lvl-disclaimer-nl" class="form-control" rows="3" placeholder="{{tx("lvl-engagement:disclaimer.default")}}"></textarea></div>
						<div><label class="form-label" for="lvl-disclaimer-fr">Français</label><textarea id="lvl-disclaimer-fr" class="form-control" rows="3"></textarea></div>
						<div><label class="form-label" for="lvl-disclaimer-en">English</label><textarea id="lvl-disclaimer-en" class="form-control" rows="3"></textarea></div>
					</div>
					<button type="button" class="btn btn-primary" id="lvl-disclaimer-save"><i class="fa fa-check"></i> {{tx("lvl-engagement:admin.save")}}</button>
				</div>
			</div>
		</div>
	</div>

	<template id="lvl-article-template">
		<div class="card lvl-article-edit">
			<div class="card-body d-flex flex-column gap-2">
				<div class="d-flex justify-content-between align-items-center gap-2">
					<h6 class="fw-bold mb-0"><span data-role="number"></span> <span class="badge text-bg-light border" data-role="id"></span></h6>
					<div class="btn-group btn-group-sm">
						<button type="button" class="btn btn-outline-secondary" data-action="up" aria-label="{{tx("lvl-engagement:admin.articles.up")}}"><i class="fa fa-arrow-up"></i></button>
						<button type="button" class="btn btn-outline-secondary" data-action="down" aria-label="{{tx("lvl-engagement:admin.articles.down")}}"><i class="fa fa-arrow-down"></i></button>
						<button type="button" class="btn btn-outline-danger" data-action="remove" aria-label="{{tx("lvl-engagement:admin.articles.remove")}}"><i class="fa fa-trash"></i></button>
					</div>
				</div>
				<div class="row g-2">
					<div class="col-12 col-lg-4"><label class="form-label small">{{tx("lvl-engagement:admin.articles.title-nl")}}</label><input type="text" class="form-control" data-field="title" data-lang="nl" maxlength="150"><label class="form-label small mt-1">{{tx("lvl-engagement:admin.articles.body-nl")}}</label><textarea class="form-control" rows="5" data-field="body" data-lang="nl"></textarea></div>
					<div class="col-12 col-lg-4"><label class="form-label small">{{tx("lvl-engagement:admin.articles.title-fr")}}</label><input type="text" class="form-control" data-field="title" data-lang="fr" maxlength="150"><label class="form-label small mt-1">{{tx("lvl-engagement:admin.articles.body-fr")}}</label><textarea class="form-control" rows="5" data-field="body" data-lang="fr"></textarea></div>
					<div class="col-12 col-lg-4"><label class="form-label small">{{tx("lvl-engagement:admin.articles.title-en")}}</label><input type="text" class="form-control" data-field="title" data-lang="en" maxlength="150"><label class="form-label small mt-1">{{tx("lvl-engagement:admin.articles.body-en")}}</label><textarea class="form-control" rows="5" data-field="body" data-lang="en"></textarea></div>
				</div>
				<div class="form-check"><input class="form-check-input" type="radio" name="lvl-noncommercial" data-field="nonCommercial"><label class="form-check-label small">{{tx("lvl-engagement:admin.articles.non-commercial")}}</label></div>
			</div>
		</div>
	</template>

	<div id="lvl-charter-labels" hidden>
		<span data-label="article">{{tx("lvl-engagement:admin.articles.label")}}</span>
		<span data-label="new">{{tx("lvl-engagement:admin.articles.new")}}</span>
		<span data-label="compare">{{tx("lvl-engagement:admin.versions.compare")}}</span>
		<span data-label="diff-title">{{tx("lvl-engagement:admin.versions.diff-title")}}</span>
		<span data-label="added">{{tx("lvl-engagement:admin.diff.added")}}</span>
		<span data-label="removed">{{tx("lvl-engagement:admin.diff.removed")}}</span>
		<span data-label="changed">{{tx("lvl-engagement:admin.diff.changed")}}</span>
		<span data-label="moved">{{tx("lvl-engagement:admin.diff.moved")}}</span>
		<span data-label="same">{{tx("lvl-engagement:admin.diff.same")}}</span>
		<span data-label="deleted-article">{{tx("lvl-engagement:admin.stats.deleted-article")}}</span>
		<span data-label="show-reports">{{tx("lvl-engagement:admin.stats.show-reports")}}</span>
		<span data-label="reports">{{tx("lvl-engagement:admin.stats.total-reports")}}</span>
		<span data-label="resolved">{{tx("lvl-engagement:admin.stats.resolved")}}</span>
		<span data-label="median">{{tx("lvl-engagement:admin.stats.median")}}</span>
		<span data-label="active-warnings">{{tx("lvl-engagement:admin.stats.active-warnings")}}</span>
		<span data-label="guard-hits">{{tx("lvl-engagement:admin.stats.guard-hits")}}</span>
		<span data-label="hours">{{tx("lvl-engagement:admin.stats.hours")}}</span>
		<span data-label="accepted-summary">{{tx("lvl-engagement:admin.acceptances.summary")}}</span>
		<span data-label="none">{{tx("lvl-engagement:admin.versions.none")}}</span>
	</div>
</div>
