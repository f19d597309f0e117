CREATE TABLE devices (
    id integer NOT NULL,
    CONSTRAINT devices_pkey PRIMARY KEY (id)
);

CREATE TABLE measurements (
    device_id integer NOT NULL,
    taken_at timestamp with time zone NOT NULL,
    reading real DEFAULT 1e3 NOT NULL,
    note character varying(40) DEFAULT '',
    CONSTRAINT measurements_pkey PRIMARY KEY (device_id, taken_at)
)
PARTITION BY RANGE (taken_at);

ALTER TABLE measurements
    ADD CONSTRAINT measurements_device_id_fkey FOREIGN KEY (device_id) REFERENCES devices (id) ON DELETE SET DEFAULT;

CREATE INDEX measurements_reading_idx ON measurements USING brin (reading);
