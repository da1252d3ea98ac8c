package org.lectern.node.cluster;

import com.hazelcast.nio.ObjectDataInput;
import com.hazelcast.nio.ObjectDataOutput;
import com.hazelcast.spi.merge.MergingValue;
import com.hazelcast.spi.merge.SplitBrainMergePolicy;

/**
 * After a split heals, joins both sides' copies of a participation so that no acknowledged save is lost
 * ({@link LiveParticipation#merge}). None of Hazelcast's policies fits: each keeps one side's value whole
 * (higher hits, latest update, put-if-absent), and the other side's saves would vanish.
 */
public class LiveSubmissionsMergePolicy
        implements SplitBrainMergePolicy<LiveParticipation, MergingValue<LiveParticipation>, Object> {

    @Override
    public Object merge(MergingValue<LiveParticipation> mergingValue, MergingValue<LiveParticipation> existingValue) {
        if (mergingValue == null) {
            return existingValue.getRawValue();
        }
        if (existingValue == null) {
            return mergingValue.getRawValue();
        }
        return LiveParticipation.merge(existingValue.getDeserializedValue(), mergingValue.getDeserializedValue());
    }

    @Override
    public void writeData(ObjectDataOutput out) {
        // Stateless.
    }

    @Override
    public void readData(ObjectDataInput in) {
        // Stateless.
    }
}
