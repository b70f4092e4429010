<div class="acp-page-container">
	<!-- IMPORT admin/partials/settings/header.tpl -->

	<div class="row m-0">
		<div class="col-12 px-0 mb-4" tabindex="0">
			<ul class="nav nav-tabs mb-3" role="tablist">
				<li class="nav-item" role="presentation">
					<button class="nav-link active" data-bs-toggle="tab" data-bs-target="#lvl-tab-general" type="button" role="tab">[[lvl:admin.tab.general]]</button>
				</li>
			</ul>

			<div class="tab-content">
				<div class="tab-pane fade show active" id="lvl-tab-general" role="tabpanel">
					<form role="form" class="lvl-settings d-flex flex-column gap-4">
						<div>
							<h5 class="fw-bold tracking-tight settings-header">[[lvl:admin.access.title]]</h5>
							<p class="text-secondary">[[lvl:admin.access.help]]</p>
							<div class="mb-3">
								<label class="form-label" for="lvl-membersGroup">[[lvl:admin.members-group]]</label>
								<input type="text" id="lvl-membersGroup" name="membersGroup" class="form-control" maxlength="100" placeholder="Leden">
								<div class="form-text">[[lvl:admin.members-group-help]]</div>
							</div>
							<div class="mb-3">
								<label class="form-label" for="lvl-platformCids">[[lvl:admin.platform-categories]]</label>
								<select multiple id="lvl-platformCids" name="platformCids" class="form-select" size="6">
									{{{ each categories }}}
									<option value="{./cid}">{./name}</option>
									{{{ end }}}
								</select>
								<div class="form-text">[[lvl:admin.platform-categories-help]]</div>
							</div>
						</div>
					</form>
				</div>
			</div>
		</div>
	</div>
</div>
