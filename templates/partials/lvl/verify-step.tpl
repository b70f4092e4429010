<div class="lvl lvl-verify d-flex flex-column gap-3" component="lvl/verify-step">
	<div>
		<h2 class="fs-5 fw-semibold mb-1">{{tx("lvl:verify.title")}}</h2>
		<p class="mb-0 text-secondary">{{tx("lvl:verify.intro")}}</p>
	</div>

	<div class="form-check">
		<input class="form-check-input" type="radio" name="lvlAction" id="lvl-action-verify" value="verify" checked>
		<label class="form-check-label fw-semibold" for="lvl-action-verify">{{tx("lvl:verify.choice-verify")}}</label>
	</div>
	<div class="d-flex flex-column gap-2 ps-4">
		<div>
			<label class="form-label" for="lvl-member-number">{{tx("lvl:verify.member-number")}}</label>
			<input class="form-control" type="text" id="lvl-member-number" name="lvlMemberNumber" autocomplete="off" inputmode="text" maxlength="50">
			<div class="form-text">{{tx("lvl:verify.member-number-help")}}</div>
		</div>
		<div>
			<label class="form-label" for="lvl-email">{{tx("lvl:verify.email")}}</label>
			<input class="form-control" type="email" id="lvl-email" name="lvlEmail" autocomplete="email" maxlength="200">
		</div>
		<div class="text-secondary small fw-semibold">{{tx("lvl:verify.or")}}</div>
		<div class="row g-2">
			<div class="col-12 col-sm-6">
				<label class="form-label" for="lvl-last-name">{{tx("lvl:verify.last-name")}}</label>
				<input class="form-control" type="text" id="lvl-last-name" name="lvlLastName" autocomplete="family-name" maxlength="100">
			</div>
			<div class="col-12 col-sm-6">
				<label class="form-label" for="lvl-birth-date">{{tx("lvl:verify.birth-date")}}</label>
				<input class="form-control" type="date" id="lvl-birth-date" name="lvlBirthDate" autocomplete="bday">
			</div>
		</div>
		<div class="form-text">{{tx("lvl:verify.attempts", attemptsPerHour)}}</div>
	</div>

	{{{ if !refuse }}}
	<div class="form-check">
		<input class="form-check-input" type="radio" name="lvlAction" id="lvl-action-manual" value="manual">
		<label class="form-check-label fw-semibold" for="lvl-action-manual">{{tx("lvl:verify.choice-manual")}}</label>
	</div>
	<div class="ps-4">
		<label class="form-label" for="lvl-note">{{tx("lvl:verify.note")}}</label>
		<textarea class="form-control" id="lvl-note" name="lvlNote" rows="2" maxlength="500"></textarea>
		<div class="form-text">{{tx("lvl:verify.note-help")}}</div>
	</div>

	<div class="form-check">
		<input class="form-check-input" type="radio" name="lvlAction" id="lvl-action-later" value="later">
		<label class="form-check-label" for="lvl-action-later">{{tx("lvl:verify.choice-later")}}</label>
	</div>
	{{{ else }}}
	<div class="alert alert-info mb-0">{{tx("lvl:verify.refuse-mode")}}</div>
	{{{ end }}}
</div>
