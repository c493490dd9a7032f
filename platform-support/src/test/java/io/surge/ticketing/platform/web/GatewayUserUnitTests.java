package io.surge.ticketing.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.surge.ticketing.contracts.ErrorCode;

class GatewayUserUnitTests {

    @Test
    void theUserTheGatewayNamedIsTheCaller() {
        assertThat(GatewayUser.require("fan-42")).isEqualTo("fan-42");
    }

    @Test
    void noUserOrNoIdAProviderIssuesIsUnauthorized() {
        for (String header : new String[] {null, "", "  ", "x".repeat(129)}) {
            assertThatThrownBy(() -> GatewayUser.require(header)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.UNAUTHORIZED));
        }
    }

    @Test
    void onlyTheAdminRoleMayUseTheAdminApi() {
        GatewayUser.requireAdmin("admin");
        GatewayUser.requireAdmin("scanner,admin");
        for (String roles : new String[] {null, "", "scanner", "ADMIN", "administrator"}) {
            assertThatThrownBy(() -> GatewayUser.requireAdmin(roles)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        }
    }
}
