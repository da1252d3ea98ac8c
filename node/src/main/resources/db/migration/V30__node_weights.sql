-- The load-balancing weight an operator set for a node, so that it survives the node's restart. Portable between
-- H2 and PostgreSQL.
create table node_weights (
    node_id    varchar(64) primary key,
    weight     integer     not null,
    changed_at timestamp with time zone not null,
    constraint ck_node_weights_weight check (weight between 0 and 256)
);
