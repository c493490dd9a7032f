package io.surge.ticketing.catalog.event;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.surge.ticketing.catalog.venue.VenueSections.SectionRef;
import io.surge.ticketing.catalog.web.ValidationFailedException;

/** Matches price tiers to the venue's sections: each tier names a real section, each section has one tier. */
final class PriceTiers {

    private PriceTiers() {
    }

    /** Section id -> price, in venue order; throws 400 with every mismatch listed. */
    static Map<Long, Long> resolve(List<PriceTierRequest> tiers, List<SectionRef> sections) {
        Map<String, SectionRef> byName = new HashMap<>();
        sections.forEach(s -> byName.put(s.name().toLowerCase(), s));
        Map<Long, Long> prices = new HashMap<>();
        List<Map<String, String>> errors = new ArrayList<>();
        for (int i = 0; i < tiers.size(); i++) {
            PriceTierRequest tier = tiers.get(i);
            SectionRef section = byName.get(tier.section().trim().toLowerCase());
            if (section == null) {
                errors.add(ValidationFailedException.fieldError("price_tiers[" + i + "].section",
                        "the venue has no section '" + tier.section() + "'"));
            } else if (prices.put(section.id(), tier.priceCents()) != null) {
                errors.add(ValidationFailedException.fieldError("price_tiers[" + i + "].section",
                        "section '" + tier.section() + "' is priced twice"));
            }
        }
        Map<Long, Long> ordered = new LinkedHashMap<>();
        for (SectionRef s : sections) {
            if (prices.containsKey(s.id())) {
                ordered.put(s.id(), prices.get(s.id()));
            } else {
                errors.add(ValidationFailedException.fieldError("price_tiers",
                        "section '" + s.name() + "' of the venue has no price tier"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        return ordered;
    }
}
