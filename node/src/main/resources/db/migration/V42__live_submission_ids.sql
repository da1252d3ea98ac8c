-- Ids of live saves (exam and live-quiz saves kept in the cluster before they reach this table). Each node takes
-- a block of 5,000 ids at a time (the increment; LiveSubmissionIds), so a save needs no database while its node
-- holds a block. The database is the one place that cannot hand out an id twice, even while the cluster is split.
-- Starts at 2^52 + 2^40: above the identity column's ids and above every id the cluster counter used before this
-- migration handed out (from 2^52, in blocks of 1,000); still exact as a browser's JavaScript number (below 2^53).
create sequence live_submission_ids start with 4504699138998272 increment by 5000;
