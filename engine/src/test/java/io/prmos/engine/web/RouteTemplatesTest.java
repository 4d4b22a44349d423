package io.prmos.engine.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RouteTemplatesTest {

    @Test
    void recordPathsBecomeTheirTemplates() {
        assertEquals("/api/v1/{module}/{entity}", RouteTemplates.of("/api/v1/partners/partner"));
        assertEquals("/api/v1/{module}/{entity}/{id}", RouteTemplates.of("/api/v1/partners/partner/3f2a0d6e-0b7b-4b43-9d4f-0c1c7b0e2a11"));
        assertEquals("/api/v1/{module}/{entity}/{id}", RouteTemplates.of("/api/v1/partners/partner/PRT-000123"));
        assertEquals("/api/v1/{module}/{entity}/bulk", RouteTemplates.of("/api/v1/partners/partner/bulk"));
        assertEquals("/api/v1/{module}/{entity}/{id}/history", RouteTemplates.of("/api/v1/deals/deal/1/history"));
        assertEquals("/api/v1/{module}/{entity}/{id}/transitions/{name}", RouteTemplates.of("/api/v1/deals/deal/1/transitions/win"));
    }

    @Test
    void kernelCollectionsKeepTheirNames() {
        assertEquals("/api/v1/search", RouteTemplates.of("/api/v1/search"));
        assertEquals("/api/v1/resolve", RouteTemplates.of("/api/v1/resolve"));
        assertEquals("/api/v1/agents/*", RouteTemplates.of("/api/v1/agents/runs/42/stream"));
        assertEquals("/api/admin/modules/*", RouteTemplates.of("/api/admin/modules/partners/rollback"));
        assertEquals("/q/metrics", RouteTemplates.of("/q/metrics"));
        assertEquals("/q/health/*", RouteTemplates.of("/q/health/ready"));
        assertEquals("/mcp", RouteTemplates.of("/mcp"));
    }

    @Test
    void whatClientsMakeUpFoldsIntoPlaceholders() {
        assertEquals("/api/v1/{module}/{entity}/{id}/{sub}", RouteTemplates.of("/api/v1/a/b/c/anything-at-all"));
        assertEquals("/api/v1/{module}/{entity}/{id}/{sub}/*", RouteTemplates.of("/api/v1/a/b/c/x/y/z/w/v/u"));
        assertEquals("/api/admin/*", RouteTemplates.of("/api/admin/whatever/1"));
        assertEquals("/api/*", RouteTemplates.of("/api/v2/partners"));
        assertEquals("/q/*", RouteTemplates.of("/q/dev-ui"));
        assertEquals("/*", RouteTemplates.of("/o/partners/partner/1"));
        assertEquals("/*", RouteTemplates.of("/assets/index-abc.js"));
        assertEquals("/*", RouteTemplates.of("/"));
    }
}
