package io.surge.ticketing.contracts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class UserRolesUnitTests {

    @Test
    void rolesAreComparedExactly() {
        assertThat(UserRoles.isAdmin("admin")).isTrue();
        assertThat(UserRoles.isAdmin("vip,admin")).isTrue();
        assertThat(UserRoles.isAdmin("ADMIN")).isFalse();
        assertThat(UserRoles.isAdmin(" admin")).isFalse();
        assertThat(UserRoles.isAdmin("administrator")).isFalse();
        assertThat(UserRoles.isAdmin(null)).isFalse();
        assertThat(UserRoles.isAdmin("")).isFalse();
    }

    @Test
    void aClaimedRoleThatIsNotAPlainNameIsDroppedNotSplit() {
        assertThat(UserRoles.fromClaim(List.of("ops,admin", "ADMIN", "vip", "vip"))).containsExactly("vip");
        assertThat(UserRoles.isAdmin(UserRoles.toHeader(UserRoles.fromClaim(List.of("ops,admin"))))).isFalse();
        assertThat(UserRoles.fromClaim(null)).isEmpty();
    }
}
