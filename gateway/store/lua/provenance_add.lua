#!lua
-- Shebang (Redis >= 7), no allow-oom: a full Redis refuses new fingerprints instead of growing
-- (provenance is best effort; the caller logs and drops).
-- Provenance index: store one response's fingerprint and its 32 LSH band entries, and evict the
-- oldest responses beyond the capacity or the retention, in one round trip.
-- KEYS[1]: the index's meta hash (seq: last sequence number, tail: oldest live one, nb: bucket
--          count, fixed when the index is created). Every other key starts with ARGV[1] and shares
--          KEYS[1]'s hash tag, so the script derives them (they are one Cluster slot).
-- ARGV: prefix, record (256-byte signature, then the caller's payload), bucket count (used when the
--       index is new), capacity, retention seconds, ids kept per band value.
-- Record: prefix..'r:'..seq = record .. 10-digit insertion time (this server's clock).
-- Band i = signature bytes 8i+1..8i+8 (two little-endian uint32 a, b): hash prefix..'b:'..(a % nb),
-- field = char(i) .. b (5 bytes), value = up to `keep` 5-byte sequence numbers, newest first.
-- Bucketed hashes stay listpack-encoded (~15 bytes per band entry instead of one set key each).
-- A band value shared by more responses (near-duplicates) spills to a set of sequence numbers
-- (an intset) prefix..'s:'..(a % nb)..':'..i..':'..b, and its field is left empty.
-- Identical signatures (the same answer served again: cached or temperature-0 answers, classifier
-- labels) share one set of band entries: the first is the group's owner, its field ' '..digest
-- (16 hex digits of SHA-1 of the signature) in the band-0 bucket holds the owner's id, and later
-- copies are appended to the list prefix..'g:'..digest instead of writing 32 band entries each.
-- Eviction is oldest first, so the owner goes before its copies; its band entries move to the next
-- copy in the list.
-- Returns the new sequence number.
local meta, prefix, rec = KEYS[1], ARGV[1], ARGV[2]
local capacity, ttl, keep = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
redis.call('HSETNX', meta, 'nb', ARGV[3])
local nb = tonumber(redis.call('HGET', meta, 'nb'))
local now = tonumber(redis.call('TIME')[1])
local life = 2 * ttl -- backstop expiry: retention itself is enforced by the eviction below

-- bucket key, field and spill key of band i
local function band(sig, i)
  local bucket = struct.unpack('<I4', sig, 8 * i + 1) % nb
  local second = struct.unpack('<I4', sig, 8 * i + 5)
  return prefix .. 'b:' .. bucket, string.char(i) .. string.sub(sig, 8 * i + 5, 8 * i + 8),
         prefix .. 's:' .. bucket .. ':' .. i .. ':' .. second
end

-- bucket key and field of the identical-signature entry, and the key of its list of copies
local function ident(sig)
  local digest = string.sub(redis.sha1hex(string.sub(sig, 1, 256)), 1, 16)
  return prefix .. 'b:' .. (struct.unpack('<I4', sig, 1) % nb), ' ' .. digest, prefix .. 'g:' .. digest
end

-- add the 32 band entries of sig for sequence number seq (packed: id)
local function add_bands(sig, seq, id)
  for i = 0, 31 do
    local k, f, sk = band(sig, i)
    local old = redis.call('HSETNX', k, f, id) == 0 and redis.call('HGET', k, f) -- new value: one call
    if not old then -- stored by HSETNX
    elseif #old == 0 then
      redis.call('SADD', sk, seq)
      redis.call('EXPIRE', sk, life)
    elseif #old < 5 * keep then
      redis.call('HSET', k, f, id .. old)
    else
      for j = 1, #old, 5 do
        local moved = struct.unpack('<I5', old, j) -- (unpack also returns the next offset)
        redis.call('SADD', sk, moved)
      end
      redis.call('SADD', sk, seq)
      redis.call('EXPIRE', sk, life)
      redis.call('HSET', k, f, '')
    end
    redis.call('EXPIRE', k, life)
  end
end

-- remove the 32 band entries of sig that point at sequence number seq (packed: id)
local function remove_bands(sig, seq, id)
  for i = 0, 31 do
    local k, f, sk = band(sig, i)
    local v = redis.call('HGET', k, f)
    if v and #v == 0 then
      redis.call('SREM', sk, seq)
      if redis.call('EXISTS', sk) == 0 then redis.call('HDEL', k, f) end
    elseif v then
      local rest = {}
      for j = 1, #v, 5 do
        local e = string.sub(v, j, j + 4)
        if e ~= id then rest[#rest + 1] = e end
      end
      if #rest == 0 then
        redis.call('HDEL', k, f)
      else
        redis.call('HSET', k, f, table.concat(rest))
      end
    end
  end
end

local seq = redis.call('HINCRBY', meta, 'seq', 1)
local id = struct.pack('<I5', seq)
redis.call('SET', prefix .. 'r:' .. seq, rec .. string.format('%010d', now), 'EX', life)
local dk, df, gk = ident(rec)
local owner = redis.call('HGET', dk, df)
local owner_rec = owner and redis.call('GET', prefix .. 'r:' .. struct.unpack('<I5', owner))
if owner_rec and string.sub(owner_rec, 1, 256) == string.sub(rec, 1, 256) then
  redis.call('RPUSH', gk, id) -- a copy: the owner's band entries find it
  redis.call('EXPIRE', gk, life)
else -- a new signature (or the owner's record is gone): this response owns the entry
  redis.call('HSET', dk, df, id) -- (older copies still listed stay findable through it)
  add_bands(rec, seq, id)
end
redis.call('EXPIRE', dk, life)

-- Evict from the oldest: beyond capacity, or older than the retention. At most 8 per call, so a
-- backlog (after an idle period) drains over the next writes instead of in one long script.
local tail = tonumber(redis.call('HGET', meta, 'tail') or '1')
local walked = 0
while tail < seq and walked < 8 do
  local rk = prefix .. 'r:' .. tail
  local old = redis.call('GET', rk)
  if old and seq - tail < capacity and tonumber(string.sub(old, -10)) > now - ttl then
    break
  end
  if old then
    local oid = struct.pack('<I5', tail)
    local ok, of, ogk = ident(old)
    local owner = redis.call('HGET', ok, of)
    if owner == oid then -- the group's owner: its band entries move to its oldest copy, if any
      remove_bands(old, tail, oid)
      local nxt = redis.call('LPOP', ogk)
      if nxt then
        redis.call('HSET', ok, of, nxt)
        add_bands(old, struct.unpack('<I5', nxt), nxt)
      else
        redis.call('HDEL', ok, of)
      end
    elseif owner then -- a copy whose owner went first (evicted or expired): only its list entry
      redis.call('LREM', ogk, 1, oid)
      remove_bands(old, tail, oid) -- (it may have owned band entries before a re-owning write)
    else
      remove_bands(old, tail, oid)
    end
    redis.call('DEL', rk)
  end
  tail = tail + 1
  walked = walked + 1
end
redis.call('HSET', meta, 'tail', tail)
redis.call('EXPIRE', meta, life)
return seq
