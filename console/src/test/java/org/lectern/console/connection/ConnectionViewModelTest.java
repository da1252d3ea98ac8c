package org.lectern.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lectern.console.operations.OperatorCredential;
import org.lectern.console.ui.BackgroundExecutor;
import org.lectern.console.ui.SynchronousBackgroundExecutor;

class ConnectionViewModelTest {

    private final InMemoryHistory history = new InMemoryHistory();

    @Nested
    class Prefilling {

        @Test
        void shouldOfferDefaultsWhenNothingWasUsedBefore() {
            ConnectionViewModel viewModel = new ConnectionViewModel(history, new SynchronousBackgroundExecutor());

            assertThat(viewModel.addressesProperty().get()).isEqualTo("127.0.0.1:5701");
            assertThat(viewModel.clusterNameProperty().get()).isEqualTo("lectern");
            assertThat(viewModel.validProperty().get()).isTrue();
        }

        @Test
        void shouldOfferMostRecentClusterWhenOneWasUsedBefore() {
            history.remember(ConnectionSettings.parse("10.0.0.1:5701", "old"));
            history.remember(ConnectionSettings.parse("10.0.0.2:5701, 10.0.0.3:5702", "exam"));

            ConnectionViewModel viewModel = new ConnectionViewModel(history, new SynchronousBackgroundExecutor());

            assertThat(viewModel.addressesProperty().get()).isEqualTo("10.0.0.2:5701, 10.0.0.3:5702");
            assertThat(viewModel.clusterNameProperty().get()).isEqualTo("exam");
            assertThat(viewModel.recentConnections()).extracting(ConnectionSettings::clusterName).containsExactly("exam", "old");
        }

        @Test
        void shouldFillFieldsWhenRecentClusterIsChosen() {
            ConnectionViewModel viewModel = new ConnectionViewModel(history, new SynchronousBackgroundExecutor());

            viewModel.use(ConnectionSettings.parse("10.0.0.9:6000", "other"));

            assertThat(viewModel.addressesProperty().get()).isEqualTo("10.0.0.9:6000");
            assertThat(viewModel.clusterNameProperty().get()).isEqualTo("other");
        }
    }

    @Nested
    class Validation {

        private final ConnectionViewModel viewModel = new ConnectionViewModel(history, new SynchronousBackgroundExecutor());

        @Test
        void shouldRejectPortWhenItIsNotANumber() {
            viewModel.addressesProperty().set("10.0.0.1:port");

            assertThat(viewModel.validProperty().get()).isFalse();
            assertThat(viewModel.validationMessageProperty().get()).contains("10.0.0.1:port").contains("1 to 65535");
        }

        @Test
        void shouldRejectPortWhenItIsOutOfRange() {
            viewModel.addressesProperty().set("10.0.0.1:65536");

            assertThat(viewModel.validProperty().get()).isFalse();
        }

        @Test
        void shouldRejectPortWhenItIsZero() {
            viewModel.addressesProperty().set("10.0.0.1:0");

            assertThat(viewModel.validProperty().get()).isFalse();
        }

        @Test
        void shouldRejectAddressWhenHostIsEmpty() {
            viewModel.addressesProperty().set(":5701");

            assertThat(viewModel.validProperty().get()).isFalse();
            assertThat(viewModel.validationMessageProperty().get()).isEqualTo("Address ':5701' has no host");
        }

        @Test
        void shouldRejectAddressWhenHostContainsSpaces() {
            viewModel.addressesProperty().set("my host:5701");

            assertThat(viewModel.validProperty().get()).isFalse();
        }

        @Test
        void shouldAskForAnAddressWhenNoneIsGiven() {
            viewModel.addressesProperty().set(" , ");

            assertThat(viewModel.validProperty().get()).isFalse();
            assertThat(viewModel.validationMessageProperty().get()).isEqualTo("Enter at least one address");
        }

        @Test
        void shouldAskForClusterNameWhenItIsBlank() {
            viewModel.clusterNameProperty().set("  ");

            assertThat(viewModel.validProperty().get()).isFalse();
            assertThat(viewModel.validationMessageProperty().get()).isEqualTo("Enter the cluster name");
        }

        @Test
        void shouldClearMessageWhenInputBecomesValid() {
            viewModel.addressesProperty().set("10.0.0.1:x");

            viewModel.addressesProperty().set("10.0.0.1:5701");

            assertThat(viewModel.validProperty().get()).isTrue();
            assertThat(viewModel.validationMessageProperty().get()).isEmpty();
        }
    }

    @Nested
    class Connecting {

        private final ConnectionViewModel viewModel = new ConnectionViewModel(history, new SynchronousBackgroundExecutor());

        @Test
        void shouldSplitAddressesWhenSeparatedByCommas() {
            viewModel.addressesProperty().set(" 10.0.0.1:5701,10.0.0.2:5702 ,, node-3 ");
            viewModel.clusterNameProperty().set(" exam ");

            assertThat(viewModel.connect()).hasValueSatisfying(settings -> {
                assertThat(settings.addresses()).containsExactly("10.0.0.1:5701", "10.0.0.2:5702", "node-3:5701");
                assertThat(settings.clusterName()).isEqualTo("exam");
            });
        }

        @Test
        void shouldDropDuplicatesWhenAnAddressIsTypedTwice() {
            viewModel.addressesProperty().set("10.0.0.1:5701, 10.0.0.1");

            assertThat(viewModel.connect()).map(ConnectionSettings::addresses).contains(List.of("10.0.0.1:5701"));
        }

        @Test
        void shouldRememberSettingsWhenConnecting() {
            viewModel.addressesProperty().set("10.0.0.1:5701");

            viewModel.connect();

            assertThat(history.recent()).containsExactly(ConnectionSettings.parse("10.0.0.1:5701", "lectern"));
        }

        @Test
        void shouldNeitherConnectNorRememberWhenInputIsInvalid() {
            viewModel.addressesProperty().set("10.0.0.1:99999");

            assertThat(viewModel.connect()).isEmpty();
            assertThat(history.recent()).isEmpty();
        }
    }

    @Nested
    class CredentialFile {

        /** Base64 of 32 bytes, as a node writes its credential file. */
        private static final String SECRET = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

        private final QueuedBackgroundExecutor worker = new QueuedBackgroundExecutor();
        private final ConnectionViewModel viewModel = new ConnectionViewModel(history, worker);

        @TempDir
        Path directory;

        @Test
        void shouldReadTheFileOnTheWorkerOnlyWhenThePathIsTypedKeyByKey() throws Exception {
            Path file = directory.resolve("operator-credential");
            Files.writeString(file, SECRET + "\n");
            viewModel.operatorProperty().set("olga");
            String path = file.toString();

            for (int typed = 1; typed <= path.length(); typed++) {
                viewModel.credentialFileProperty().set(path.substring(0, typed));
            }

            // Nothing was read on this (the FX) thread: one read waits for the worker, the keystrokes after it fold
            // into one more.
            assertThat(worker.pending()).isEqualTo(1);
            assertThat(viewModel.validProperty().get()).isFalse();
            assertThat(viewModel.validationMessageProperty().get()).isEqualTo(ConnectionViewModel.READING_CREDENTIAL);
            worker.runAll();
            assertThat(worker.ran()).isEqualTo(2);
            assertThat(viewModel.validProperty().get()).isTrue();
            assertThat(viewModel.credential()).map(OperatorCredential::operator).contains("olga");
        }

        @Test
        void shouldSignAsTheOperatorTypedAfterTheFileWasReadWithoutReadingAgain() throws Exception {
            Path file = directory.resolve("operator-credential");
            Files.writeString(file, SECRET);
            viewModel.credentialFileProperty().set(file.toString());
            worker.runAll();

            viewModel.operatorProperty().set("pavel");

            assertThat(worker.pending()).isZero();
            assertThat(worker.ran()).isEqualTo(1);
            assertThat(viewModel.credential()).map(OperatorCredential::operator).contains("pavel");
        }

        @Test
        void shouldSayWhyWhenTheFileIsMissing() {
            Path missing = directory.resolve("none");
            viewModel.credentialFileProperty().set(missing.toString());
            worker.runAll();

            assertThat(viewModel.validProperty().get()).isFalse();
            assertThat(viewModel.validationMessageProperty().get()).isEqualTo("No credential file at " + missing);
            assertThat(viewModel.connect()).isEmpty();
        }

        @Test
        void shouldOnlyWatchWhenThePathIsClearedAgain() {
            viewModel.credentialFileProperty().set(directory.resolve("none").toString());
            worker.runAll();

            viewModel.credentialFileProperty().set("");

            assertThat(viewModel.validProperty().get()).isTrue();
            assertThat(viewModel.credential()).isEmpty();
        }
    }

    /** Holds work until the test lets the "worker" run it, on the test's thread. */
    private static final class QueuedBackgroundExecutor implements BackgroundExecutor {

        private final List<Runnable> queue = new ArrayList<>();
        private int ran;

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            queue.add(() -> new SynchronousBackgroundExecutor().run(work, onSuccess, onFailure));
        }

        int pending() {
            return queue.size();
        }

        int ran() {
            return ran;
        }

        void runAll() {
            while (!queue.isEmpty()) {
                ran++;
                queue.remove(0).run();
            }
        }
    }

    private static final class InMemoryHistory implements ConnectionHistory {

        private final List<ConnectionSettings> recent = new ArrayList<>();

        @Override
        public List<ConnectionSettings> recent() {
            return List.copyOf(recent);
        }

        @Override
        public void remember(ConnectionSettings settings) {
            recent.remove(settings);
            recent.add(0, settings);
        }
    }
}
