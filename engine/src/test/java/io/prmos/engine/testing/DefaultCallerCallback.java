package io.prmos.engine.testing;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every HTTP spec acts as alice (tenant acme, partner_manager and admin) unless it sends its own
 * Authorization header (an empty one means anonymous).
 */
public class DefaultCallerCallback implements QuarkusTestBeforeEachCallback {

    static final Filter ACT_AS_ALICE = new Filter() {
        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization") && !request.getURI().contains(Tokens.TOKEN_PATH)) {
                request.header("Authorization", Tokens.bearer("alice"));
            }
            return context.next(request, response);
        }
    };

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (!RestAssured.filters().contains(ACT_AS_ALICE)) {
            RestAssured.filters(ACT_AS_ALICE);
        }
    }
}
