<div class="acp-page-container">
	<!-- IMPORT admin/partials/settings/header.tpl -->

	<div class="row m-0">
		<div class="col-12 px-0 mb-4" tabindex="0">
			<ul class="nav nav-tabs mb-3" role="tablist">
				<li class="nav-item" role="presentation">
					<a class="nav-link" href="{config.relative_path}/admin/plugins/lvl/privacy" component="lvl/privacy/tab">{{tx("lvl-privacy:tab")}}</a>
				</li>
				<li class="nav-item" role="presentation">
					<button class="nav-link active" data-bs-toggle="tab" data-bs-target="#lvl-tab-general" type="button" role="tab">{{tx("lvl:admin.tab.general")}}</button>
				</li>
			</ul>

			<div class="tab-content">
				<div class="tab-pane fade show active" id="lvl-tab-general" role="tabpanel">
					<form role="form" class="lvl-settings d-flex flex-column gap-4">
						<div>
							<h5 class="fw-bold tracking-tight settings-header">{{tx("lvl:admin.access.title")}}</h5>
							<p class="text-secondary">{{tx("lvl:admin.access.help")}}</p>
							<div class="mb-3">
								<label class="form-label" for="lvl-membersGroup">{{tx("lvl:admin.members-group")}}</label>
								<input type="text" id="lvl-membersGroup" name="membersGroup" class="form-control" maxlength="100" placeholder="Leden">
								<div class="form-text">{{tx("lvl:admin.members-group-help")}}</div>
							</div>
							<div class="mb-3">
								<label class="form-label" for="lvl-platformCids">{{tx("lvl:admin.platform-categories")}}</label>
								<select multiple id="lvl-platformCids" name="platformCids" class="form-select" size="6">
									{{{ each categories }}}
									<option value="{./cid}">{{./name}}</option>
									{{{ end }}}
								</select>
								<div class="form-text">{{tx("lvl:admin.platform-categories-help")}}</div>
							</div>
						</div>

						<div>
							<h5 class="fw-bold tracking-tight settings-header">{{tx("lvl:admin.verification.title")}}</h5>
							<div class="mb-3">
								<label class="form-label" for="lvl-verificationMode">{{tx("lvl:admin.verification-mode")}}</label>
								<select id="lvl-verificationMode" name="verificationMode" class="form-select">
									<option value="account-first">{{tx("lvl:admin.verification-mode.account-first")}}</option>
									<option value="refuse">{{tx("lvl:admin.verification-mode.refuse")}}</option>
								</select>
							</div>
							<div class="row g-3 mb-3">
								<div class="col-12 col-md-6">
									<label class="form-label" for="lvl-graceDays">{{tx("lvl:admin.grace-days")}}</label>
									<input type="number" min="0" max="365" step="1" id="lvl-graceDays" name="graceDays" class="form-control">
								</div>
								<div class="col-12 col-md-6">
									<label class="form-label" for="lvl-attemptsPerHour">{{tx("lvl:admin.attempts-per-hour")}}</label>
									<input type="number" min="1" max="100" step="1" id="lvl-attemptsPerHour" name="attemptsPerHour" class="form-control">
								</div>
							</div>
							<div class="row g-3 mb-3">
								<div class="col-12 col-md-6">
									<label class="form-label" for="lvl-rosterPreviewDays">{{tx("lvl:admin.roster-preview-days")}}</label>
									<input type="number" min="1" max="90" step="1" id="lvl-rosterPreviewDays" name="rosterPreviewDays" class="form-control">
								</div>
								<div class="col-12 col-md-6">
									<label class="form-label" for="lvl-rosterRetentionDays">{{tx("lvl:admin.roster-retention-days")}}</label>
									<input type="number" min="0" max="3650" step="1" id="lvl-rosterRetentionDays" name="rosterRetentionDays" class="form-control" aria-describedby="lvl-rosterRetentionDays-help">
									<div class="form-text" id="lvl-rosterRetentionDays-help">{{tx("lvl:admin.roster-retention-days-help")}}</div>
								</div>
							</div>
							<div class="mb-3">
								<label class="form-label" for="lvl-exemptGroups">{{tx("lvl:admin.exempt-groups")}}</label>
								<select multiple id="lvl-exemptGroups" name="exemptGroups" class="form-select" size="4">
									{{{ each groups }}}
									<option value="{{./name}}">{{./name}}</option>
									{{{ end }}}
								</select>
								<div class="form-text">{{tx("lvl:admin.exempt-groups-help")}}</div>
							</div>
							<h6 class="fw-bold mt-4 mb-2">{{tx("lvl:admin.tier-title")}}</h6>
							<div class="mb-3">
								<label class="form-label" for="lvl-directoryTier">{{tx("lvl:admin.directory-tier")}}</label>
								<select id="lvl-directoryTier" name="directoryTier" class="form-select" aria-describedby="lvl-directoryTier-help">
									<option value="hidden">{{tx("lvl:tier.hidden")}}</option>
									<option value="names">{{tx("lvl:tier.names")}}</option>
									<option value="profile">{{tx("lvl:tier.profile")}}</option>
									<option value="contact">{{tx("lvl:tier.contact")}}</option>
								</select>
								<div class="form-text" id="lvl-directoryTier-help">{{tx("lvl:admin.directory-tier-help")}}</div>
							</div>
							<div class="form-check form-switch mb-3">
								<input class="form-check-input" type="checkbox" id="lvl-directoryTierLocked" name="directoryTierLocked">
								<label class="form-check-label" for="lvl-directoryTierLocked">{{tx("lvl:admin.directory-tier-locked")}}</label>
							</div>
							<h6 class="fw-bold mt-4 mb-2">{{tx("lvl:admin.qa-title")}}</h6>
							<div class="form-check form-switch mb-3">
								<input class="form-check-input" type="checkbox" id="lvl-qaSeveralAccepted" name="qaSeveralAccepted">
								<label class="form-check-label" for="lvl-qaSeveralAccepted">{{tx("lvl:admin.qa-several-accepted")}}</label>
							</div>
							<div class="row g-3 mb-3">
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaRouteCount">{{tx("lvl:admin.qa-route-count")}}</label>
									<input type="number" min="0" max="50" step="1" id="lvl-qaRouteCount" name="qaRouteCount" class="form-control">
								</div>
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaWeeklyCap">{{tx("lvl:admin.qa-weekly-cap")}}</label>
									<input type="number" min="0" max="50" step="1" id="lvl-qaWeeklyCap" name="qaWeeklyCap" class="form-control">
								</div>
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaExpiryDays">{{tx("lvl:admin.qa-expiry-days")}}</label>
									<input type="number" min="1" max="730" step="1" id="lvl-qaExpiryDays" name="qaExpiryDays" class="form-control">
								</div>
							</div>
							<div class="row g-3 mb-3">
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaExpiryReminderDays">{{tx("lvl:admin.qa-expiry-reminder-days")}}</label>
									<input type="number" min="0" max="60" step="1" id="lvl-qaExpiryReminderDays" name="qaExpiryReminderDays" class="form-control">
								</div>
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaDirectRequests">{{tx("lvl:admin.qa-direct-requests")}}</label>
									<input type="number" min="1" max="20" step="1" id="lvl-qaDirectRequests" name="qaDirectRequests" class="form-control">
								</div>
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaAcceptReminderDays">{{tx("lvl:admin.qa-accept-reminder-days")}}</label>
									<input type="number" min="1" max="90" step="1" id="lvl-qaAcceptReminderDays" name="qaAcceptReminderDays" class="form-control">
								</div>
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaEscalateHours">{{tx("lvl:admin.qa-escalate-hours")}}</label>
									<input type="number" min="1" max="720" step="1" id="lvl-qaEscalateHours" name="qaEscalateHours" class="form-control">
								</div>
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaModeratorDays">{{tx("lvl:admin.qa-moderator-days")}}</label>
									<input type="number" min="1" max="90" step="1" id="lvl-qaModeratorDays" name="qaModeratorDays" class="form-control">
								</div>
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaEscalationGroup">{{tx("lvl:admin.qa-escalation-group")}}</label>
									<select id="lvl-qaEscalationGroup" name="qaEscalationGroup" class="form-select">
										<option value="">{{tx("lvl:admin.qa-escalation-moderators")}}</option>
										{{{ each groups }}}
										<option value="{{./name}}">{{./name}}</option>
										{{{ end }}}
									</select>
								</div>
							</div>
							<div class="row g-3 mb-3" component="lvl/admin/promise">
								<h3 class="h6 col-12 mb-0">{{tx("lvl-promise:admin.title")}}</h3>
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaRounds">{{tx("lvl-promise:admin.rounds")}}</label>
									<input type="number" min="1" max="10" step="1" id="lvl-qaRounds" name="qaRounds" class="form-control">
								</div>
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaClaimHours">{{tx("lvl-promise:admin.claim-hours")}}</label>
									<input type="number" min="1" max="336" step="1" id="lvl-qaClaimHours" name="qaClaimHours" class="form-control">
								</div>
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaCapacity">{{tx("lvl-promise:admin.capacity")}}</label>
									<input type="number" min="1" max="20" step="1" id="lvl-qaCapacity" name="qaCapacity" class="form-control">
								</div>
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaTimeZone">{{tx("lvl-promise:admin.time-zone")}}</label>
									<input type="text" maxlength="60" id="lvl-qaTimeZone" name="qaTimeZone" class="form-control" placeholder="Europe/Brussels">
								</div>
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaCoordinatorGroup">{{tx("lvl-promise:admin.coordinator-group")}}</label>
									<select id="lvl-qaCoordinatorGroup" name="qaCoordinatorGroup" class="form-select">
										<option value="">{{tx("lvl-promise:admin.coordinator-default")}}</option>
										{{{ each groups }}}
										<option value="{{./name}}">{{./name}}</option>
										{{{ end }}}
									</select>
								</div>
								<div class="col-12 col-md-4">
									<label class="form-label" for="lvl-qaCoordinatorGroups">{{tx("lvl-promise:admin.coordinator-groups")}}</label>
									<textarea rows="3" maxlength="2000" id="lvl-qaCoordinatorGroups" name="qaCoordinatorGroups" class="form-control" aria-describedby="lvl-qaCoordinatorGroups-help"></textarea>
									<div class="form-text" id="lvl-qaCoordinatorGroups-help">{{tx("lvl-promise:admin.coordinator-groups-help")}}</div>
								</div>
							</div>
							<div class="mb-3" component="lvl/admin/qa-categories">
								<h6 class="fw-bold mb-1">{{tx("lvl:admin.qa-categories-title")}}</h6>
								<p class="form-text mt-0">{{tx("lvl:admin.qa-categories-help")}}</p>
								<div class="table-responsive">
									<table class="table table-sm align-middle mb-0">
										<thead>
											<tr>
												<th scope="col">{{tx("lvl:admin.qa-category")}}</th>
												<th scope="col" class="text-center">{{tx("lvl:qa.type.question")}}</th>
												<th scope="col" class="text-center">{{tx("lvl:qa.type.offer")}}</th>
												<th scope="col" class="text-center">{{tx("lvl:qa.type.wanted")}}</th>
												<th scope="col" class="text-center">{{tx("lvl:qa.type.discussion")}}</th>
												<th scope="col">{{tx("lvl:admin.qa-default-type")}}</th>
											</tr>
										</thead>
										<tbody component="lvl/admin/qa-categories/rows"></tbody>
									</table>
								</div>
								<p class="form-text d-none" component="lvl/admin/qa-categories/none">{{tx("lvl:admin.qa-categories-none")}}</p>
							</div>
							<p class="form-text">{{tx("lvl:admin.secretariat-help")}}</p>
							<div class="d-flex flex-wrap gap-2">
								<a class="btn btn-outline-primary btn-sm" href="{config.relative_path}/admin/plugins/lvl/roster"><i class="fa fa-address-book"></i> {{tx("lvl:admin.roster-link")}}</a>
								<a class="btn btn-outline-primary btn-sm" href="{config.relative_path}/admin/plugins/lvl/competences"><i class="fa fa-sitemap"></i> {{tx("lvl:admin.competences-link")}}</a>
								<a class="btn btn-outline-primary btn-sm" href="{config.relative_path}/admin/plugins/lvl/insight"><i class="fa fa-chart-column"></i> {{tx("lvl-insight:title")}}</a>
								<a class="btn btn-outline-primary btn-sm" href="{config.relative_path}/admin/plugins/lvl/charter"><i class="fa fa-scale-balanced"></i> {{tx("lvl-engagement:admin.title")}}</a>
							</div>
						</div>
					</form>
				</div>
			</div>
		</div>
	</div>
</div>
