package io.surge.ticketing.catalog.venue;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "Venues (admin)", description = "An organizer describes venues and their seat layouts (role admin)")
class VenueAdminController {

    private final VenueAdminService service;

    VenueAdminController(VenueAdminService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/admin/venues")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createVenue", summary = "Create a venue with its seat layout",
            description = "A venue is a list of sections, each either seated (`rows` x `seats_per_row`, rows labelled "
                    + "A, B, ...) or general admission (`capacity` places). Section names are unique within the venue; "
                    + "a venue holds at most 1,000,000 places; a breach of these rules is a 400 VALIDATION_FAILED whose "
                    + "`errors` name each member. Events at the venue price each section.\n\n"
                    + "Not idempotent: each call creates another venue.")
    @ApiResponse(responseCode = "201", description = "created: the new venue's id")
    VenueCreated create(@Valid @RequestBody CreateVenueRequest request) {
        return new VenueCreated(service.create(request));
    }
}
