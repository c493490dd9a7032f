package io.surge.ticketing.apidocs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service's description says of itself ({@code ticketing.api-docs.*}).
 *
 * @param title             the document's title, e.g. "Ticketing API: reservations and bookings"
 * @param description       what this part of the API is for (Markdown)
 * @param version           the API's version; its paths are under {@code /api/v1}
 * @param serverUrl         where clients reach the API: the gateway's public origin. Relative by default, so the
 *                          Swagger UI on the gateway tries requests on the origin it was loaded from.
 * @param serverDescription what that server is
 */
@ConfigurationProperties("ticketing.api-docs")
public record ApiDescriptionProperties(
        @DefaultValue("Ticketing API") String title,
        @DefaultValue("") String description,
        @DefaultValue("v1") String version,
        @DefaultValue("/") String serverUrl,
        @DefaultValue("The gateway, the API's only public entry") String serverDescription) {
}
