package io.surge.ticketing.waitingroom.presale;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.surge.ticketing.apidocs.ProblemAnswer;
import io.surge.ticketing.contracts.ErrorCode;
import io.surge.ticketing.contracts.web.Headers;
import io.surge.ticketing.platform.web.DomainException;
import io.surge.ticketing.platform.web.GatewayUser;
import io.surge.ticketing.waitingroom.settings.EventLookup;
import io.surge.ticketing.waitingroom.settings.SettingsPublisher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** An organizer sets up an event's presale (role admin; the role header is checked here too). */
@RestController
@RequestMapping("/api/v1/admin/events/{event_id}/presale")
@Tag(name = "Waiting room (admin)")
class PresaleController {

    private final PresaleStore store;
    private final EventLookup events;
    private final SettingsPublisher publisher;
    private final PresaleCodes codes = new PresaleCodes();
    private final Clock clock;

    PresaleController(PresaleStore store, EventLookup events, SettingsPublisher publisher, Clock clock) {
        this.store = store;
        this.events = events;
        this.publisher = publisher;
        this.clock = clock;
    }

    @Operation(operationId = "putPresale", summary = "Set up an event's presale",
            description = "Before the general sale (`on_sale_at`), only fans who join the waiting room with a valid "
                    + "code (`POST /api/v1/waiting-room/{event_id}/join {\"presale_code\"}`) are queued in the presale "
                    + "line: joined before `starts_at` they are placed at random at `starts_at`, later ones first "
                    + "come, first served; they are admitted at `admission_rate_per_minute` until `ends_at`, and may "
                    + "buy from then on. Give `code_count` to have the platform generate unguessable codes (listed in "
                    + "this answer only: they are kept hashed), or `codes` with your own. The window is meant to end "
                    + "at or before `on_sale_at`; if it runs past it, the general line admits too from then on. Each code admits "
                    + "`max_uses_per_code` fans (default 1); a fan who joins again uses nothing more.\n\n"
                    + "A PUT replaces the presale: the window and pace change, and the codes of an earlier PUT stop "
                    + "working (fans already in the presale line keep their place). Not idempotent in its codes: "
                    + "a retried PUT that generated codes issues a new set.")
    @ApiResponse(responseCode = "200", description = "the presale in force, with its codes")
    @ProblemAnswer(status = 400, codes = ErrorCode.VALIDATION_FAILED, when = "a window that ends before it starts or "
            + "is already over, both or neither of `code_count` and `codes`, a malformed or repeated code")
    @ProblemAnswer(status = 404, codes = ErrorCode.EVENT_NOT_FOUND, when = "the catalog does not know the event")
    @PutMapping
    PresaleView put(@Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId,
            @Valid @RequestBody PresaleRequest request,
            @RequestHeader(name = Headers.USER_ROLES, required = false) String roles) {
        GatewayUser.requireAdmin(roles);
        events.settings(eventId).orElseThrow(() -> notFound(eventId)); // the event exists (learned if new)
        validate(request);
        List<String> plain = request.codes() != null ? request.codes() : generate(request.codeCount());
        List<String> hashes = new ArrayList<>(plain.size());
        for (String code : plain) {
            hashes.add(PresaleCodes.hash(eventId, code));
        }
        int maxUses = request.maxUsesPerCode() == null ? 1 : request.maxUsesPerCode();
        store.configure(eventId, request.startsAt(), request.endsAt(), request.admissionRatePerMinute(), maxUses,
                hashes);
        // booking learns the window: fans the presale line admits may buy inside it, before on_sale_at
        publisher.publish(events.settings(eventId).orElseThrow(() -> notFound(eventId)));
        return PresaleView.of(store.find(eventId).orElseThrow(), plain);
    }

    @Operation(operationId = "getPresale", summary = "Read an event's presale",
            description = "The window, the pace and how many places were taken with a code; not the codes themselves "
                    + "(kept hashed only). Safe to retry.")
    @ApiResponse(responseCode = "200", description = "the presale in force")
    @ProblemAnswer(status = 404, codes = ErrorCode.NOT_FOUND, when = "the event has no presale")
    @GetMapping
    PresaleView get(@Parameter(description = "the event", example = "42") @PathVariable("event_id") long eventId,
            @RequestHeader(name = Headers.USER_ROLES, required = false) String roles) {
        GatewayUser.requireAdmin(roles);
        return store.find(eventId).map(p -> PresaleView.of(p, null))
                .orElseThrow(() -> new DomainException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND,
                        "event " + eventId + " has no presale"));
    }

    /**
     * The window must end after it starts and in the future. It may run past the general {@code on_sale_at}: from
     * then the general line admits too, and code holders keep their own line until the window ends.
     */
    private void validate(PresaleRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        Instant now = Instant.now(clock);
        if (!request.endsAt().isAfter(request.startsAt())) {
            errors.add(error("ends_at", "must be after starts_at"));
        } else if (!request.endsAt().isAfter(now)) {
            errors.add(error("ends_at", "must be in the future"));
        }
        if ((request.codeCount() == null) == (request.codes() == null)) {
            errors.add(error("code_count", "give either code_count or codes"));
        }
        if (request.codes() != null) {
            Set<String> seen = new HashSet<>();
            for (String code : request.codes()) {
                if (code != null && !seen.add(PresaleCodes.normalize(code))) {
                    errors.add(error("codes", "the code " + code + " is given twice"));
                    break;
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new DomainException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, "request body is invalid",
                    Map.of("errors", errors));
        }
    }

    private List<String> generate(int count) {
        Set<String> unique = new HashSet<>();
        List<String> generated = new ArrayList<>(count);
        while (generated.size() < count) {
            String code = codes.generate();
            if (unique.add(code)) {
                generated.add(code);
            }
        }
        return generated;
    }

    private static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    private static DomainException notFound(long eventId) {
        return new DomainException(HttpStatus.NOT_FOUND, ErrorCode.EVENT_NOT_FOUND, "there is no event " + eventId);
    }
}
