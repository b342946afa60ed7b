#!lua
-- Shebang (Redis >= 7), no allow-oom: a full Redis refuses the increments instead of growing (the
-- caller keeps the counts and retries at its next flush).
-- Counter tables: add a batch of deltas to one table's integer counters, atomically (a reader sees
-- all of a flush or none of it), and remember the table's name.
-- KEYS[1]: the table's hash; KEYS[2]: the set of table names (same hash tag: one Cluster slot).
-- ARGV: table name, then field, delta, field, delta, ...
redis.call('SADD', KEYS[2], ARGV[1])
for i = 2, #ARGV, 2 do
  redis.call('HINCRBY', KEYS[1], ARGV[i], ARGV[i + 1])
end
return 1
