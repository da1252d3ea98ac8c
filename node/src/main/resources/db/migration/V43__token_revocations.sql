-- Login tokens revoked before they expire (logout) and "log out everywhere" times, kept until the tokens they
-- concern have expired: the cluster's maps are only a cache in front, and a full restart empties them.
create table revoked_tokens (
    token_id   varchar(100)             primary key,
    expires_at timestamp with time zone not null
);

create index ix_revoked_tokens_expires_at on revoked_tokens (expires_at);

-- Every token of the login issued before revoked_before is refused, until expires_at (when the last of them expires).
create table user_revocations (
    login          varchar(50)              primary key,
    revoked_before timestamp with time zone not null,
    expires_at     timestamp with time zone not null
);
