package io.prmos.engine.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

class SpaDeepLinksTest {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void browserNavigationsToAppRoutesGetTheApp() {
        assertTrue(SpaDeepLinks.isPageNavigation(HttpMethod.GET, "/o/partners/partner/123", BROWSER));
        assertTrue(SpaDeepLinks.isPageNavigation(HttpMethod.GET, "/sign-in", BROWSER));
        assertTrue(SpaDeepLinks.isPageNavigation(HttpMethod.GET, "/auth/callback", BROWSER));
    }

    @Test
    void apiManagementAssetsAndNonBrowserRequestsAreLeftAlone() {
        assertFalse(SpaDeepLinks.isPageNavigation(HttpMethod.GET, "/api/v1/partners/partner", BROWSER));
        assertFalse(SpaDeepLinks.isPageNavigation(HttpMethod.GET, "/api", BROWSER));
        assertFalse(SpaDeepLinks.isPageNavigation(HttpMethod.GET, "/q/health", BROWSER));
        assertFalse(SpaDeepLinks.isPageNavigation(HttpMethod.GET, "/assets/index-abc.js", BROWSER));
        assertFalse(SpaDeepLinks.isPageNavigation(HttpMethod.GET, "/", BROWSER));
        assertFalse(SpaDeepLinks.isPageNavigation(HttpMethod.GET, "/o/partners/partner", "application/json"));
        assertFalse(SpaDeepLinks.isPageNavigation(HttpMethod.GET, "/o/partners/partner", null));
        assertFalse(SpaDeepLinks.isPageNavigation(HttpMethod.POST, "/o/partners/partner", BROWSER));
    }
}
