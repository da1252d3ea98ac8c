package org.lectern.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeSamplerTest {

    @Test
    void shouldReadCpuHeapAndNodeFromPrometheusText() {
        String text = """
                # HELP process_cpu_usage The "recent cpu usage" for the Java Virtual Machine process
                process_cpu_usage{application="lectern-node",node="node-2"} 0.25
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space",node="node-2"} 1000000
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen",node="node-2"} 2000000
                jvm_memory_used_bytes{area="nonheap",id="Metaspace",node="node-2"} 9000000
                jvm_memory_max_bytes{area="heap",id="G1 Eden Space",node="node-2"} -1
                jvm_memory_max_bytes{area="heap",id="G1 Old Gen",node="node-2"} 500000000
                lectern_live_submissions_flush_lag_seconds{application="lectern-node",node="node-2"} 1.25
                """;

        Map<String, NodeSampler.Sample> samples = NodeSampler.FromPrometheus.parse(text);

        assertThat(samples).containsOnlyKeys("node-2");
        NodeSampler.Sample sample = samples.get("node-2");
        assertThat(sample.cpu()).isEqualTo(0.25);
        assertThat(sample.heapUsedBytes()).isEqualTo(3_000_000);
        assertThat(sample.heapMaxBytes()).isEqualTo(500_000_000);
        assertThat(sample.sessions()).isEqualTo(-1);
        assertThat(sample.flushLagMillis()).isEqualTo(1_250);
    }

    @Test
    void shouldSayTheFlushLagIsUnknownWhenTheNodeHasNoSuchGauge() {
        Map<String, NodeSampler.Sample> samples = NodeSampler.FromPrometheus.parse(
                "process_cpu_usage{node=\"node-1\"} 0.5\n");

        assertThat(samples.get("node-1").flushLagMillis()).isEqualTo(-1);
    }

    @Test
    void shouldAnswerNothingWhenTheTextHasNoJvmFigures() {
        assertThat(NodeSampler.FromPrometheus.parse("# nothing here\n")).isEmpty();
    }
}
