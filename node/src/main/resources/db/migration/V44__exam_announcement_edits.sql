-- Instructors correct announcements after sending them; students see when an announcement was last corrected.
alter table exam_announcements add column edited_at timestamp with time zone;
