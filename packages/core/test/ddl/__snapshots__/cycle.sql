CREATE TABLE authors (
    id integer NOT NULL,
    favourite_book_id integer,
    CONSTRAINT authors_pkey PRIMARY KEY (id)
);

CREATE TABLE books (
    id integer NOT NULL,
    author_id integer NOT NULL,
    sequel_of integer,
    CONSTRAINT books_pkey PRIMARY KEY (id)
);

ALTER TABLE authors
    ADD CONSTRAINT authors_favourite_book_id_fkey FOREIGN KEY (favourite_book_id) REFERENCES books (id) DEFERRABLE INITIALLY DEFERRED;

ALTER TABLE books
    ADD CONSTRAINT books_author_id_fkey FOREIGN KEY (author_id) REFERENCES authors (id) ON DELETE RESTRICT DEFERRABLE;

ALTER TABLE books
    ADD CONSTRAINT books_sequel_of_fkey FOREIGN KEY (sequel_of) REFERENCES books (id) ON DELETE SET NULL ON UPDATE CASCADE;
