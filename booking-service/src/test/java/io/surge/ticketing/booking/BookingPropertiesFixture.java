package io.surge.ticketing.booking;

import java.util.Map;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link BookingProperties} as Spring binds them, with their defaults, for unit tests. */
public final class BookingPropertiesFixture {

    private BookingPropertiesFixture() {
    }

    public static BookingProperties defaults() {
        return with(Map.of());
    }

    public static BookingProperties with(Map<String, String> overrides) {
        return new Binder(new MapConfigurationPropertySource(overrides))
                .bindOrCreate("ticketing.booking", BookingProperties.class);
    }
}
