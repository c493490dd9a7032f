package io.surge.ticketing.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import io.surge.ticketing.contracts.web.ServiceCredential;

/** A pod that reaches a service's port without the platform's key can neither call it nor pick the user. */
class ServiceAuthenticationFilterUnitTests {

    private final ServiceCredential credentials =
            new ServiceCredential("0123456789abcdef0123456789abcdef", Clock.systemUTC());
    private final ServiceAuthenticationFilter filter = new ServiceAuthenticationFilter(credentials);

    @Test
    void aCallWithoutTheCredentialIsRefusedBeforeAnyController() throws Exception {
        MockHttpServletRequest confirm = new MockHttpServletRequest("POST", "/internal/bookings/42/confirm");
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(confirm, response, chain);

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"code\":\"UNAUTHORIZED\"");
        assertThat(chain.getRequest()).as("the controller never ran").isNull();
    }

    @Test
    void identityHeadersAreBelievedOnlyWithTheCredentialMadeForThem() throws Exception {
        MockHttpServletRequest asVictim = new MockHttpServletRequest("GET", "/api/v1/bookings/1");
        asVictim.addHeader("X-User-Id", "victim");
        asVictim.addHeader(ServiceCredential.HEADER, credentials.issue("gateway-service", "attacker", ""));
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(asVictim, refused, new MockFilterChain());
        assertThat(refused.getStatus()).isEqualTo(401);

        MockHttpServletRequest genuine = new MockHttpServletRequest("GET", "/api/v1/bookings/1");
        genuine.addHeader("X-User-Id", "victim");
        genuine.addHeader("X-User-Roles", "");
        genuine.addHeader(ServiceCredential.HEADER, credentials.issue("gateway-service", "victim", ""));
        MockFilterChain chain = new MockFilterChain();
        filter.doFilter(genuine, new MockHttpServletResponse(), chain);
        assertThat(chain.getRequest()).isNotNull();
    }
}
