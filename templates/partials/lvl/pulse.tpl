<section class="card lvl-pulse" component="lvl/pulse" aria-labelledby="lvl-pulse-title">
	<div class="card-body d-flex flex-column gap-2 p-3">
		<h2 id="lvl-pulse-title" class="fs-6 fw-semibold mb-0"><i class="fa fa-heart-pulse text-danger" aria-hidden="true"></i> {{tx("lvl-insight:pulse.title")}}</h2>
		<div class="d-flex flex-wrap gap-3 small">
			<div><span class="d-block text-secondary">{{tx("lvl-insight:pulse.questions")}}</span><span class="fs-5 fw-semibold" component="lvl/pulse/questions">{pulse.questions}</span></div>
			<div><span class="d-block text-secondary">{{tx("lvl-insight:pulse.answered")}}</span><span class="fs-5 fw-semibold" component="lvl/pulse/answered">{pulse.answerRate}</span></div>
			<div><span class="d-block text-secondary">{{tx("lvl-insight:pulse.first-reply")}}</span><span class="fs-5 fw-semibold" component="lvl/pulse/first-reply">{pulse.medianFirstReply}</span></div>
		</div>
		{{{ if pulse.hasForYou }}}
		<a class="btn btn-sm btn-primary align-self-start" href="{config.relative_path}/vragen?list=for-you" component="lvl/pulse/for-you"><i class="fa fa-hand-holding-heart" aria-hidden="true"></i> {{tx("lvl-insight:pulse.for-you", pulse.forYou)}}</a>
		{{{ else }}}
		<p class="small text-secondary mb-0" component="lvl/pulse/for-you-none">{{tx("lvl-insight:pulse.for-you-none")}}</p>
		{{{ end }}}
	</div>
</section>
