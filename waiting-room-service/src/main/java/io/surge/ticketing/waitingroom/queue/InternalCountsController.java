package io.surge.ticketing.waitingroom.queue;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.waitingroom.keys.QueueKeys;
import io.surge.ticketing.waitingroom.presale.PresaleStore;
import io.surge.ticketing.waitingroom.settings.SettingsStore;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * For the platform's own services only (booking's sales report): platform-support's ServiceAuthenticationFilter
 * answers 401 to a call without a valid service credential, and the gateway routes no {@code /internal/**} path.
 * Hidden from the public API description, as every service's {@code /internal/**} is.
 */
@Hidden
@RestController
@Tag(name = "internal")
class InternalCountsController {

    private final QueueScripts scripts;
    private final SettingsStore settings;

    private final PresaleStore presales;

    InternalCountsController(QueueScripts scripts, SettingsStore settings, PresaleStore presales) {
        this.scripts = scripts;
        this.settings = settings;
        this.presales = presales;
    }

    @GetMapping("/internal/waiting-room/{eventId}/counts")
    @Operation(summary = "How many fans wait in an event's line and how many were admitted so far (service credential)",
            description = "waiting: fans in line and not admitted yet (the pre-queue before the sale starts); admitted: "
                    + "admission tokens issued so far. A DRAFT or a cancelled event is answered too.")
    @ApiResponse(responseCode = "200", description = "{\"waiting\",\"admitted\"}, and \"presale\": {\"waiting\","
            + "\"admitted\",\"codes_used\"} when the event has a presale")
    @ApiResponse(responseCode = "401", description = "UNAUTHORIZED: no valid service credential", content = @Content)
    @ApiResponse(responseCode = "404", description = "EVENT_NOT_FOUND: the waiting room does not know the event",
            content = @Content)
    @ApiResponse(responseCode = "503", description = "SERVICE_UNAVAILABLE: Redis lost its data and the line is being "
            + "restored (Retry-After)", content = @Content)
    ResponseEntity<QueueCounts> counts(@PathVariable long eventId) {
        QueueScripts.Counts counts = scripts.counts(eventId);
        if (counts == null) {
            throw settings.recovering() ? QueueRefusals.recovering(eventId) : QueueRefusals.eventNotFound(eventId);
        }
        QueueScripts.Counts presaleLine = scripts.counts(eventId, QueueKeys.Line.PRESALE);
        PresaleCounts presale = presaleLine == null ? null : new PresaleCounts(presaleLine.waiting(),
                presaleLine.admitted(), presales.find(eventId).map(PresaleStore.Presale::codesUsed).orElse(0L));
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new QueueCounts(counts.waiting(), counts.admitted(), presale));
    }

    /** {@code {"waiting","admitted","presale"}}: the general line, and the presale line when the event has one. */
    record QueueCounts(long waiting, long admitted,
            @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            PresaleCounts presale) {
    }

    /** The presale line: fans in it not admitted yet, fans it admitted, places taken with a code. */
    record PresaleCounts(long waiting, long admitted, long codesUsed) {
    }
}
