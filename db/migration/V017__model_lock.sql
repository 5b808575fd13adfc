-- Deploys of the model set take turns: each reads the newest model set, replaces its edit and deploys the
-- whole set, so two deploys of different models at once would each deploy the set without the other's edit.
-- A deploy (and the restore at startup) locks this one row first (select ... for update) and reads the set
-- after it holds the lock.
create table lead_model_lock (
  id int not null primary key
);

insert into lead_model_lock (id) values (1);
