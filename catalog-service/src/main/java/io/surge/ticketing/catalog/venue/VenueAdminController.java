package io.surge.ticketing.catalog.venue;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

@RestController
@Tag(name = "admin")
class VenueAdminController {

    private final VenueAdminService service;

    VenueAdminController(VenueAdminService service) {
        this.service = service;
    }

    @PostMapping("/api/v1/admin/venues")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a venue with its seat layout (needs the admin role)")
    VenueCreated create(@Valid @RequestBody CreateVenueRequest request) {
        return new VenueCreated(service.create(request));
    }
}
