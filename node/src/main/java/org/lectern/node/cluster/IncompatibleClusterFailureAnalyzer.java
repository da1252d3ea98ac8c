package org.lectern.node.cluster;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says why the node did not start, and what to do, in place of a stack trace. */
class IncompatibleClusterFailureAnalyzer extends AbstractFailureAnalyzer<IncompatibleClusterException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IncompatibleClusterException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Start this node only once every node runs " + cause.mismatch().noun() + " " + cause.ownVersion()
                        + " (critical update), or start the build of " + cause.mismatch().noun() + " "
                        + cause.clusterVersion() + " to join the running cluster.", cause);
    }
}
