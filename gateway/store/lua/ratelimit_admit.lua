#!lua
-- Shebang (Redis >= 7): without allow-oom, Redis refuses this script up front when maxmemory is
-- reached, so a full Redis is a store error that follows on_store_error instead of growing.
-- Atomic admission for every limit that applies to one request (one round trip).
-- KEYS[i]: the state key of limit i (all share one hash tag, so one Cluster slot).
-- ARGV: now_ms ('' = this server's clock, the one clock all replicas share), rid,
--       then 5 values per key: kind ('r' log | 'c' counter | 'l' lease), limit, param_ms, amount, shadow ('1'|'0').
--       param_ms: rolling window (r), fixed window length, 0 = calendar month UTC (c), lease duration (l).
-- Returns now_ms, then 6 integers per key: ok, applied, used, retry_ms, reset_ms, window_start_ms.
-- Phase 1 checks every limit; phase 2 applies only if no enforced limit denied.
local now
if ARGV[1] == '' then
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
else
  now = tonumber(ARGV[1])
end
local rid = ARGV[2]
local n = #KEYS

-- Howard Hinnant's civil-date algorithms (proleptic Gregorian, UTC), for calendar-month windows.
local function days_from_civil(y, m, d)
  if m <= 2 then y = y - 1 end
  local era = math.floor(y / 400)
  local yoe = y - era * 400
  local mp = (m + 9) % 12
  local doy = math.floor((153 * mp + 2) / 5) + d - 1
  local doe = yoe * 365 + math.floor(yoe / 4) - math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
end

local function civil_from_days(z)
  z = z + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local m = mp < 10 and mp + 3 or mp - 9
  local y = yoe + era * 400
  if m <= 2 then y = y + 1 end
  return y, m
end

local function fixed_window(p)
  if p > 0 then
    local start = now - (now % p)
    return start, start + p
  end
  local y, m = civil_from_days(math.floor(now / 86400000))
  local ny, nm = y, m + 1
  if nm == 13 then ny, nm = y + 1, 1 end
  return days_from_civil(y, m, 1) * 86400000, days_from_civil(ny, nm, 1) * 86400000
end

local ok, used, retry, reset, wstart, wend, fresh, foreign = {}, {}, {}, {}, {}, {}, {}, {}
local denied = false

for i = 1, n do
  local b = 3 + (i - 1) * 5
  local kind, limit, p, amt = ARGV[b], tonumber(ARGV[b + 1]), tonumber(ARGV[b + 2]), tonumber(ARGV[b + 3])
  local key = KEYS[i]
  local u, r, rs, ws = 0, 0, 0, 0
  local fits
  -- A limit that changed measure under the same name (a policy reload) finds the other measure's state: a
  -- counter (hash) and a log or leases (sorted set) do not mix; the other's is taken as absent, replaced when applied.
  local held = redis.call('TYPE', key)['ok']
  foreign[i] = held ~= 'none' and held ~= (kind == 'c' and 'hash' or 'zset')
  if kind == 'r' then
    if not foreign[i] then
      redis.call('ZREMRANGEBYSCORE', key, '-inf', now - p)
      u = redis.call('ZCARD', key)
    end
    fits = u + amt <= limit
    if u > 0 then
      local newest = redis.call('ZRANGE', key, -1, -1, 'WITHSCORES')
      rs = tonumber(newest[2]) + p - now
    end
    if not fits then
      if amt > limit then
        r = p
      else
        -- the slot frees when the (u - limit + amt)-th oldest entry leaves the window
        local e = redis.call('ZRANGE', key, u - limit + amt - 1, u - limit + amt - 1, 'WITHSCORES')
        r = tonumber(e[2]) + p - now
      end
    end
  elseif kind == 'c' then
    local we
    ws, we = fixed_window(p)
    wend[i] = we
    local cur = foreign[i] and {} or redis.call('HMGET', key, 'w', 'u')
    if cur[1] and tonumber(cur[1]) == ws then
      u = tonumber(cur[2])
      fresh[i] = false
    else
      fresh[i] = true  -- absent, left over from an earlier window, or another measure's
    end
    fits = u + amt <= limit
    rs = we - now
    if not fits then r = we - now end
  else -- 'l'
    if not foreign[i] then
      redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
      u = redis.call('ZCARD', key)
    end
    fits = u + amt <= limit
    if not fits then
      if u > 0 then
        local e = redis.call('ZRANGE', key, 0, 0, 'WITHSCORES')
        r = tonumber(e[2]) - now
      else
        r = p
      end
    end
  end
  if r < 1 and not fits then r = 1 end
  ok[i], used[i], retry[i], reset[i], wstart[i] = fits, u, r, rs, ws
  if not fits and ARGV[b + 4] == '0' then denied = true end
end

local out = {now}
for i = 1, n do
  local b = 3 + (i - 1) * 5
  local kind, p, amt = ARGV[b], tonumber(ARGV[b + 2]), tonumber(ARGV[b + 3])
  local key = KEYS[i]
  local applied = 0
  if ok[i] and not denied then
    applied = 1
    if foreign[i] then redis.call('DEL', key) end
    if kind == 'r' then
      redis.call('ZADD', key, now, rid)
      redis.call('PEXPIRE', key, p)
      used[i] = used[i] + 1
      reset[i] = p
    elseif kind == 'c' then
      if fresh[i] then
        redis.call('HSET', key, 'w', wstart[i], 'u', amt)
        used[i] = amt
      else
        used[i] = redis.call('HINCRBY', key, 'u', amt)
      end
      redis.call('PEXPIRE', key, math.max(1, wend[i] - now))
    else
      redis.call('ZADD', key, now + p, rid)
      -- the key lives as long as its longest lease
      if redis.call('PTTL', key) < p then redis.call('PEXPIRE', key, p) end
      used[i] = used[i] + 1
    end
  end
  out[#out + 1] = ok[i] and 1 or 0
  out[#out + 1] = applied
  out[#out + 1] = used[i]
  out[#out + 1] = retry[i]
  out[#out + 1] = reset[i]
  out[#out + 1] = wstart[i]
end
return out
