package org.lectern.node.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.lectern.node.support.LecternClient;
import org.lectern.node.support.NodeIntegrationTest;
import org.lectern.node.support.TestData;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Failed logins are limited per username and per client address. Each test logs in from an address of its own
 * (as the balancer's {@code X-Forwarded-For}, trusted from loopback), so the limits stay out of other tests' way.
 */
class LoginAttemptLimitIT extends NodeIntegrationTest {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    private final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    private TestData testData;

    @Test
    void shouldAnswer429WithRetryAfterEvenForTheRightPasswordWhenFiveAttemptsFailed() throws Exception {
        String login = testData.newUser().login();
        String address = freshAddress();

        HttpResponse<String> refused = failUntilTheRightPasswordIsRefused(() -> login, login, address, 5);

        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(LecternClient.json(refused).get("status").asInt()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(login(login, TestData.PASSWORD, freshAddress()).statusCode())
                .as("the username is limited from every address").isEqualTo(429);
    }

    @Test
    void shouldNotLimitAUserWhenTheirLoginsSucceed() throws Exception {
        String login = testData.newUser().login();
        String address = freshAddress();

        for (int i = 0; i < 8; i++) {
            assertThat(login(login, TestData.PASSWORD, address).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void shouldAnswer429ToAnAddressWhenTwentyAttemptsAtDifferentUsernamesFailed() throws Exception {
        String address = freshAddress();
        String login = testData.newUser().login();

        failUntilTheRightPasswordIsRefused(() -> TestData.unique("guess"), login, address, 20);

        assertThat(login(login, TestData.PASSWORD, freshAddress()).statusCode())
                .as("the user is not limited elsewhere").isEqualTo(200);
    }

    /**
     * Guesses wrong at {@code guessedUsernames} from {@code address} until a login of {@code login} with the right
     * password is refused. The allowance refills gradually while the test runs (slowly hashed guesses on a busy
     * machine take seconds), so the test cannot count on exactly {@code allowance} guesses; but guessing is much
     * faster than refilling, so the refusal must come within twice the allowance.
     */
    private HttpResponse<String> failUntilTheRightPasswordIsRefused(Supplier<String> guessedUsernames, String login,
            String address, int allowance) throws Exception {
        for (int i = 0; i < 2 * allowance; i++) {
            int guess = login(guessedUsernames.get(), "wrong-" + i, address).statusCode();
            assertThat(guess).isIn(401, 429);
            HttpResponse<String> right = login(login, TestData.PASSWORD, address);
            if (right.statusCode() == 429) {
                assertThat(i + 1).as("wrong guesses before the refusal").isGreaterThanOrEqualTo(allowance);
                return right;
            }
            assertThat(right.statusCode()).isEqualTo(200);
        }
        throw new AssertionError("the right password was still accepted after " + 2 * allowance + " wrong guesses");
    }

    private HttpResponse<String> login(String username, String password, String address)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/auth/login"))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", address)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String freshAddress() {
        int n = NEXT_ADDRESS.getAndIncrement();
        return "198.18." + (n / 250) + "." + (n % 250 + 1);
    }
}
