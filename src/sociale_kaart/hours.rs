//! Opening hours: whether a service is open at a local date and time, and until when. Weekly
//! schedules are folded into minutes of the week, so periods that cross midnight, run into the
//! next week or touch each other (Fri 22:00–00:00 and Sat 00:00–02:00) read as one.

use crate::i18n::{long_date, t, t_with, Lang};
use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Weekday};
use serde::{Deserialize, Serialize};

/// One opening period: on each of `days`, from `opens_at` to `closes_at`, every week unless
/// `repeat` says otherwise. A closing time at or before the opening time is on the next day
/// (22:00–02:00), so 00:00–00:00 is the whole day. Local wall-clock time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    pub days: Vec<Weekday>,
    pub opens_at: NaiveTime,
    pub closes_at: NaiveTime,
    pub description: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repeat: Option<Repeat>,
}

/// Which dates a schedule holds on when that is not simply every week: the part of RFC 5545
/// that HSDS uses (`freq` WEEKLY or MONTHLY, `interval`, `byday` with ordinals,
/// `bymonthday`, `byweekno`, `dtstart`, `until`/`valid_to`, `valid_from`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Repeat {
    pub monthly: bool,
    /// 1: every week (or month); 2: every other one, counted from `start`.
    pub interval: u32,
    /// The first date the schedule may hold on (`dtstart`, or `valid_from`).
    pub start: Option<NaiveDate>,
    /// The last date it may hold on (`until`, `valid_to`).
    pub end: Option<NaiveDate>,
    /// In a month: (2, Tuesday) is the second Tuesday, (-1, Friday) the last Friday.
    pub nth_weekdays: Vec<(i8, Weekday)>,
    /// Days of the month; -1 is the last day.
    pub month_days: Vec<i8>,
    /// ISO week numbers; -1 is the last week of the year.
    pub week_numbers: Vec<i8>,
}

impl Repeat {
    /// No limit: what a schedule without a rule means.
    pub fn every_week() -> Repeat {
        Repeat { monthly: false, interval: 1, start: None, end: None, nth_weekdays: Vec::new(), month_days: Vec::new(), week_numbers: Vec::new() }
    }
}

impl Schedule {
    /// 24/7: every day, midnight to midnight.
    pub fn day_and_night() -> Schedule {
        Schedule {
            days: ALL_DAYS.to_vec(),
            opens_at: NaiveTime::MIN,
            closes_at: NaiveTime::MIN,
            description: None,
            repeat: None,
        }
    }
}

pub const ALL_DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

const DAY: u16 = 24 * 60;
const WEEK: u16 = 7 * DAY;
/// Many files write "until midnight" as 23:59.
const ALMOST_MIDNIGHT: u16 = DAY - 1;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenState {
    OpenDayAndNight,
    /// Closes within a day.
    OpenUntil(NaiveTime),
    /// Stays open past the next day: a weekend line open from Friday evening to Monday.
    OpenUntilOn(Weekday, NaiveTime),
    ClosedOpensAt(Weekday, NaiveTime),
    /// Opens more than six days from now: the second Tuesday of next month.
    ClosedOpensOn(NaiveDate, NaiveTime),
    /// No hours in the week, or temporarily closed.
    Closed,
}

impl OpenState {
    pub fn is_open(self) -> bool {
        matches!(
            self,
            OpenState::OpenDayAndNight | OpenState::OpenUntil(_) | OpenState::OpenUntilOn(..)
        )
    }

    /// "Open tot 17:00", "Gesloten, gaat morgen om 09:00 open"; `now` is the moment the state
    /// was computed for.
    pub fn describe(self, lang: Lang, now: NaiveDateTime) -> String {
        if let OpenState::ClosedOpensOn(date, time) = self {
            let (date, time) = (long_date(lang, date), time.format("%H:%M").to_string());
            return t_with(lang, "social_map.open.opens_on_date", &[("date", &date), ("time", &time)]);
        }
        let (key, day, time) = self.phrase(now);
        let day = day.map(|d| t(lang, &format!("weekday.{}", d.number_from_monday())));
        let time = time.map(|t| t.format("%H:%M").to_string());
        let args: Vec<(&str, &str)> = [("day", day.as_deref()), ("time", time.as_deref())]
            .into_iter()
            .filter_map(|(name, value)| Some((name, value?)))
            .collect();
        t_with(lang, key, &args)
    }

    /// The sentence to use, with the day it names (if not today or tomorrow) and the time.
    fn phrase(self, now: NaiveDateTime) -> (&'static str, Option<Weekday>, Option<NaiveTime>) {
        match self {
            OpenState::OpenDayAndNight => ("social_map.open.day_and_night", None, None),
            OpenState::OpenUntil(until) => ("social_map.open.until", None, Some(until)),
            OpenState::OpenUntilOn(day, until) => {
                ("social_map.open.until_day", Some(day), Some(until))
            }
            OpenState::ClosedOpensAt(day, opens) => {
                let today = now.weekday();
                if day == today && opens > now.time() {
                    ("social_map.open.opens_today", None, Some(opens))
                } else if day == today.succ() {
                    ("social_map.open.opens_tomorrow", None, Some(opens))
                } else {
                    ("social_map.open.opens_on", Some(day), Some(opens))
                }
            }
            OpenState::Closed | OpenState::ClosedOpensOn(..) => ("social_map.open.closed", None, None),
        }
    }
}

/// A week of opening hours as sorted, merged spans of minutes since Monday 00:00.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WeekHours {
    spans: Vec<(u16, u16)>,
}

impl WeekHours {
    pub fn new<'a>(schedules: impl IntoIterator<Item = &'a Schedule>) -> WeekHours {
        let mut spans = Vec::new();
        for schedule in schedules {
            for day in &schedule.days {
                let (start, end) = span_on(schedule, day.num_days_from_monday());
                let (start, end) = (start as u16, end as u16);
                if end > WEEK {
                    spans.push((start, WEEK));
                    spans.push((0, end - WEEK));
                } else {
                    spans.push((start, end));
                }
            }
        }
        WeekHours::from_spans(spans)
    }

    fn from_spans(mut spans: Vec<(u16, u16)>) -> WeekHours {
        merge(&mut spans);
        WeekHours { spans }
    }

    pub fn is_empty(&self) -> bool {
        self.spans.is_empty()
    }

    pub fn is_open_at(&self, at: NaiveDateTime) -> bool {
        self.span_at(minute_of_week(at)).is_some()
    }

    pub fn state_at(&self, at: NaiveDateTime) -> OpenState {
        let now = minute_of_week(at);
        if self.spans == [(0, WEEK)] {
            return OpenState::OpenDayAndNight;
        }
        if let Some((_, end)) = self.span_at(now) {
            // Open into Sunday midnight carries on into Monday's first span.
            let close = match self.spans.first() {
                Some(&(0, monday_end)) if end == WEEK => WEEK + monday_end,
                _ => end,
            };
            let (day, time) = day_and_time(close % WEEK);
            return if close - now < DAY {
                OpenState::OpenUntil(time)
            } else {
                OpenState::OpenUntilOn(day, time)
            };
        }
        let next = self.spans.iter().find(|(start, _)| *start > now).or(self.spans.first());
        match next {
            Some(&(start, _)) => {
                let (day, time) = day_and_time(start);
                OpenState::ClosedOpensAt(day, time)
            }
            None => OpenState::Closed,
        }
    }

    fn span_at(&self, minute: u16) -> Option<(u16, u16)> {
        self.spans.iter().copied().find(|&(start, end)| start <= minute && minute < end)
    }
}

impl WeekHours {
    /// One day's hours for a week table: "09:00–17:00, 19:00–21:00", "hele dag" or "gesloten".
    pub fn describe_day(&self, day: Weekday, lang: Lang) -> String {
        let start = day.num_days_from_monday() as u16 * DAY;
        let spans: Vec<(u16, u16)> = self
            .spans
            .iter()
            .filter(|(from, to)| *from < start + DAY && *to > start)
            .map(|(from, to)| (from.max(&start) - start, to.min(&(start + DAY)) - start))
            .collect();
        let clock = |m: u16| format!("{:02}:{:02}", m / 60, m % 60);
        match spans.as_slice() {
            [] => t(lang, "social_map.hours.closed"),
            [(0, DAY)] => t(lang, "social_map.hours.all_day"),
            _ => spans.iter().map(|(from, to)| format!("{}–{}", clock(*from), clock(*to))).collect::<Vec<_>>().join(", "),
        }
    }
}

/// How far ahead the next opening is looked for: a year and a bit, so a schedule for week 1
/// is found in December.
const LOOK_AHEAD_DAYS: u64 = 400;

/// All of a service's hours: the plain weekly ones folded into a [`WeekHours`], and those
/// that hold on some dates only (every other week, the second Tuesday of the month, from next
/// month), which are worked out date by date.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hours {
    week: WeekHours,
    dated: Vec<Schedule>,
}

impl Hours {
    pub fn new<'a>(schedules: impl IntoIterator<Item = &'a Schedule>) -> Hours {
        let (dated, weekly): (Vec<&Schedule>, Vec<&Schedule>) =
            schedules.into_iter().partition(|s| s.repeat.is_some());
        Hours { week: WeekHours::new(weekly), dated: dated.into_iter().cloned().collect() }
    }

    pub fn is_empty(&self) -> bool {
        self.week.is_empty() && self.dated.is_empty()
    }

    pub fn is_open_at(&self, at: NaiveDateTime) -> bool {
        let now = minutes(at.time()) as u32 + DAY as u32;
        self.week.is_open_at(at)
            || [at.date().pred_opt(), Some(at.date())].into_iter().flatten().enumerate().any(|(i, date)| {
                self.dated.iter().any(|s| {
                    let (from, to) = span_on(s, i as u32);
                    occurs_on(s, date) && from <= now && now < to
                })
            })
    }

    pub fn state_at(&self, at: NaiveDateTime) -> OpenState {
        if self.dated.is_empty() {
            return self.week.state_at(at);
        }
        // Spans in minutes from the start of yesterday, date by date.
        let yesterday = at.date().pred_opt().unwrap_or(at.date());
        let mut spans = Vec::new();
        for i in 0..=LOOK_AHEAD_DAYS as u32 {
            let Some(date) = yesterday.checked_add_days(Days::new(i as u64)) else { break };
            let day = DAY as u32 * i;
            let weekday = date.weekday().num_days_from_monday() as u16 * DAY;
            for &(start, end) in &self.week.spans {
                if start >= weekday && start < weekday + DAY {
                    spans.push((day + (start - weekday) as u32, day + (end - weekday) as u32));
                }
            }
            for schedule in self.dated.iter().filter(|s| occurs_on(s, date)) {
                let (from, to) = span_on(schedule, i);
                spans.push((from, to));
            }
        }
        merge(&mut spans);
        let now = DAY as u32 + minutes(at.time()) as u32;
        let moment = |minute: u32| {
            let date = yesterday + Days::new((minute / DAY as u32) as u64);
            let in_day = minute % DAY as u32;
            (date, NaiveTime::from_hms_opt(in_day / 60, in_day % 60, 0).unwrap_or(NaiveTime::MIN))
        };
        if let Some(&(_, end)) = spans.iter().find(|&&(start, end)| start <= now && now < end) {
            let (date, time) = moment(end);
            return if end >= (LOOK_AHEAD_DAYS as u32) * DAY as u32 {
                OpenState::OpenDayAndNight
            } else if end - now < DAY as u32 {
                OpenState::OpenUntil(time)
            } else {
                OpenState::OpenUntilOn(date.weekday(), time)
            };
        }
        match spans.iter().find(|&&(start, _)| start > now) {
            Some(&(start, _)) => {
                let (date, time) = moment(start);
                if (date - at.date()).num_days() < 7 {
                    OpenState::ClosedOpensAt(date.weekday(), time)
                } else {
                    OpenState::ClosedOpensOn(date, time)
                }
            }
            None => OpenState::Closed,
        }
    }

    /// The week table: the weekly hours, with the weekly hours that hold on `today` but end
    /// (or began) on a date.
    pub fn table(&self, today: NaiveDate) -> WeekHours {
        let current = self.dated.iter().filter(|s| is_every_week(s) && occurs_in_week_of(s, today));
        let mut spans = self.week.spans.clone();
        spans.extend(WeekHours::new(current).spans);
        WeekHours::from_spans(spans)
    }

    /// What the table cannot show, a line each: "Elke 2e dinsdag van de maand, 19:00–21:00",
    /// "De tijden hierboven gelden tot en met 31 december 2026".
    pub fn other_lines(&self, today: NaiveDate, lang: Lang) -> Vec<String> {
        let mut lines = Vec::new();
        for schedule in &self.dated {
            let Some(repeat) = &schedule.repeat else { continue };
            if is_every_week(schedule) && occurs_in_week_of(schedule, today) {
                if let Some(end) = repeat.end {
                    lines.push(t_with(lang, "social_map.repeat.table_until", &[("date", &long_date(lang, end))]));
                }
                continue;
            }
            lines.push(describe_repeat(schedule, repeat, lang));
        }
        lines.dedup();
        lines
    }

    /// Everything in lines, for print: "maandag 09:00–17:00 · dinsdag gesloten · …" first.
    pub fn lines(&self, today: NaiveDate, lang: Lang) -> Vec<String> {
        let table = self.table(today);
        let week = (!table.is_empty()).then(|| {
            ALL_DAYS
                .iter()
                .map(|&day| format!("{} {}", t(lang, &format!("weekday.{}", day.number_from_monday())), table.describe_day(day, lang)))
                .collect::<Vec<_>>()
                .join(" · ")
        });
        week.into_iter().chain(self.other_lines(today, lang)).collect()
    }
}

/// Sorts spans; overlapping and touching ones merge into the earlier one.
fn merge<T: Ord + Copy>(spans: &mut Vec<(T, T)>) {
    spans.sort_unstable();
    spans.dedup_by(|next, kept| {
        let overlaps = next.0 <= kept.1;
        if overlaps {
            kept.1 = kept.1.max(next.1);
        }
        overlaps
    });
}

/// The span of `schedule` on the date `day` days after the first, in minutes from the first.
fn span_on(schedule: &Schedule, day: u32) -> (u32, u32) {
    let opens = minutes(schedule.opens_at);
    let closes = match minutes(schedule.closes_at) {
        ALMOST_MIDNIGHT => DAY,
        closes if closes <= opens => closes + DAY,
        closes => closes,
    };
    let start = DAY as u32 * day;
    (start + opens as u32, start + closes as u32)
}

/// A weekly schedule whose only limit is a first or last date.
fn is_every_week(schedule: &Schedule) -> bool {
    schedule.repeat.as_ref().is_none_or(|r| {
        !r.monthly && r.interval == 1 && r.nth_weekdays.is_empty() && r.month_days.is_empty() && r.week_numbers.is_empty()
    })
}

/// Whether a weekly schedule holds in the week of `date`, start and end included.
fn occurs_in_week_of(schedule: &Schedule, date: NaiveDate) -> bool {
    let repeat = schedule.repeat.as_ref();
    repeat.and_then(|r| r.start).is_none_or(|start| start <= date)
        && repeat.and_then(|r| r.end).is_none_or(|end| end >= date)
}

/// Whether `schedule` holds on `date`, as RFC 5545 reads its rule.
pub fn occurs_on(schedule: &Schedule, date: NaiveDate) -> bool {
    let Some(repeat) = &schedule.repeat else { return schedule.days.contains(&date.weekday()) };
    if repeat.start.is_some_and(|start| date < start) || repeat.end.is_some_and(|end| date > end) {
        return false;
    }
    if !repeat.week_numbers.is_empty() {
        let week = date.iso_week().week() as i32;
        let weeks_in_year = NaiveDate::from_isoywd_opt(date.iso_week().year(), 53, Weekday::Mon).map_or(52, |_| 53);
        let matches = |n: &i8| {
            let n = *n as i32;
            if n > 0 { n == week } else { weeks_in_year + n + 1 == week }
        };
        if !repeat.week_numbers.iter().any(matches) {
            return false;
        }
    }
    if repeat.monthly {
        if repeat.interval > 1 {
            let Some(start) = repeat.start else { return false };
            let months = (date.year() - start.year()) * 12 + date.month() as i32 - start.month() as i32;
            if months % repeat.interval as i32 != 0 {
                return false;
            }
        }
        let last_day = days_in_month(date);
        let day = date.day() as i32;
        let by_day = schedule.days.contains(&date.weekday())
            || repeat.nth_weekdays.iter().any(|&(n, weekday)| {
                weekday == date.weekday()
                    && if n > 0 { (day - 1) / 7 + 1 == n as i32 } else { (last_day - day) / 7 + 1 == -(n as i32) }
            });
        let by_month_day = repeat.month_days.iter().any(|&n| {
            let n = n as i32;
            if n > 0 { n == day } else { last_day + n + 1 == day }
        });
        let has_days = !schedule.days.is_empty() || !repeat.nth_weekdays.is_empty();
        return match (has_days, repeat.month_days.is_empty()) {
            (true, true) => by_day,
            (false, false) => by_month_day,
            // Both: RFC 5545 holds on the dates that meet both.
            (true, false) => by_day && by_month_day,
            (false, true) => repeat.start.is_some_and(|start| start.day() as i32 == day),
        };
    }
    if repeat.interval > 1 {
        let Some(start) = repeat.start else { return false };
        let monday = |d: NaiveDate| d - chrono::Duration::days(d.weekday().num_days_from_monday() as i64);
        let weeks = (monday(date) - monday(start)).num_days() / 7;
        if weeks % repeat.interval as i64 != 0 {
            return false;
        }
    }
    schedule.days.contains(&date.weekday())
}

fn days_in_month(date: NaiveDate) -> i32 {
    let next = if date.month() == 12 {
        NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(date.year(), date.month() + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).map_or(31, |d| d.day() as i32)
}

/// "Om de 2 weken op maandag, vanaf 4 januari 2027, 09:00–12:00".
fn describe_repeat(schedule: &Schedule, repeat: &Repeat, lang: Lang) -> String {
    // Dutch writes day names in a sentence in lower case, English does not.
    let day_name = |d: Weekday| {
        let name = t(lang, &format!("weekday.{}", d.number_from_monday()));
        if lang == Lang::Nl { name.to_lowercase() } else { name }
    };
    let day_list = |days: &[Weekday]| ALL_DAYS.iter().filter(|d| days.contains(d)).map(|&d| day_name(d)).collect::<Vec<_>>().join(", ");
    let mut parts = Vec::new();
    if repeat.monthly {
        if repeat.interval > 1 {
            parts.push(t_with(lang, "social_map.repeat.every_months", &[("n", &repeat.interval.to_string())]));
        }
        let nth: Vec<String> = repeat
            .nth_weekdays
            .iter()
            .map(|&(n, d)| t_with(lang, "social_map.repeat.nth_weekday", &[("nth", &t(lang, &format!("social_map.repeat.ordinal.{n}"))), ("day", &day_name(d))]))
            .collect();
        if !nth.is_empty() {
            parts.push(t_with(lang, "social_map.repeat.in_month", &[("days", &nth.join(", "))]));
        }
        if !schedule.days.is_empty() {
            parts.push(t_with(lang, "social_map.repeat.on_days", &[("days", &day_list(&schedule.days))]));
        }
        if !repeat.month_days.is_empty() {
            let days: Vec<String> = repeat.month_days.iter().map(|&n| if n > 0 { n.to_string() } else { t(lang, &format!("social_map.repeat.ordinal.{n}")) }).collect();
            parts.push(t_with(lang, "social_map.repeat.month_days", &[("days", &days.join(", "))]));
        }
        if schedule.days.is_empty() && repeat.nth_weekdays.is_empty() && repeat.month_days.is_empty() {
            if let Some(start) = repeat.start {
                parts.push(t_with(lang, "social_map.repeat.month_days", &[("days", &start.day().to_string())]));
            }
        }
    } else {
        let key = if repeat.interval > 1 { "social_map.repeat.every_weeks" } else { "social_map.repeat.on_days" };
        parts.push(t_with(lang, key, &[("n", &repeat.interval.to_string()), ("days", &day_list(&schedule.days))]));
    }
    if !repeat.week_numbers.is_empty() {
        let weeks: Vec<String> = repeat.week_numbers.iter().map(|n| n.to_string()).collect();
        parts.push(t_with(lang, "social_map.repeat.weeks", &[("weeks", &weeks.join(", "))]));
    }
    if let Some(start) = repeat.start {
        parts.push(t_with(lang, "social_map.repeat.from", &[("date", &long_date(lang, start))]));
    }
    if let Some(end) = repeat.end {
        parts.push(t_with(lang, "social_map.repeat.until", &[("date", &long_date(lang, end))]));
    }
    let clock = |time: NaiveTime| time.format("%H:%M").to_string();
    parts.push(format!("{}–{}", clock(schedule.opens_at), clock(schedule.closes_at)));
    let mut line = parts.join(", ");
    if let Some(first) = line.get(..1) {
        line = first.to_uppercase() + &line[1..];
    }
    match &schedule.description {
        Some(description) => format!("{line} ({description})"),
        None => line,
    }
}

fn minutes(time: NaiveTime) -> u16 {
    (time.hour() * 60 + time.minute()) as u16
}

fn minute_of_week(at: NaiveDateTime) -> u16 {
    at.weekday().num_days_from_monday() as u16 * DAY + minutes(at.time())
}

fn day_and_time(minute: u16) -> (Weekday, NaiveTime) {
    let day = ALL_DAYS[(minute / DAY) as usize];
    let in_day = (minute % DAY) as u32;
    (day, NaiveTime::from_hms_opt(in_day / 60, in_day % 60, 0).unwrap_or(NaiveTime::MIN))
}

/// "09:00", "9.30", "24:00" (midnight at the end of a day).
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    parse_time_with_offset(text).map(|(time, _)| time)
}

/// A time as HSDS writes it, with its offset from UTC in minutes when it has one
/// ("09:00:00", "09:00+01:00", "09:00Z").
pub fn parse_time_with_offset(text: &str) -> Option<(NaiveTime, Option<i32>)> {
    let (hours, rest) = text.trim().split_once([':', '.'])?;
    let minutes = rest.get(..2)?;
    let tail = &rest[2..];
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(1..=2).contains(&hours.len()) || !digits(hours) || !digits(minutes) {
        return None;
    }
    if !(tail.is_empty() || tail.starts_with([':', '+', '-', 'Z'])) {
        return None;
    }
    let time = match (hours.parse().ok()?, minutes.parse().ok()?) {
        (24, 0) => NaiveTime::MIN,
        (hours, minutes) => NaiveTime::from_hms_opt(hours, minutes, 0)?,
    };
    // Seconds, then the offset.
    let offset = tail.trim_start_matches(|c: char| c == ':' || c.is_ascii_digit());
    let offset = match offset {
        "" => None,
        "Z" | "z" => Some(0),
        _ => {
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let (h, m) = offset.get(1..)?.split_once(':').unwrap_or((offset.get(1..3)?, offset.get(3..).unwrap_or("00")));
            let (h, m): (i32, i32) = (h.parse().ok()?, if m.is_empty() { 0 } else { m.parse().ok()? });
            if h > 14 || m >= 60 {
                return None;
            }
            Some(sign * (h * 60 + m))
        }
    };
    Some((time, offset))
}

/// The Netherlands' offset from UTC on `date`, in minutes: +2 hours from the last Sunday of
/// March to the last Sunday of October, +1 otherwise (EU summer time, Directive 2000/84/EC,
/// articles 2 and 3; by date, so the switch day counts as after the switch).
pub fn netherlands_offset(date: NaiveDate) -> i32 {
    let last_sunday = |month: u32| {
        let next = if month == 12 { NaiveDate::from_ymd_opt(date.year() + 1, 1, 1) } else { NaiveDate::from_ymd_opt(date.year(), month + 1, 1) };
        let last = next.and_then(|d| d.pred_opt()).unwrap_or(date);
        last - chrono::Duration::days(last.weekday().num_days_from_sunday() as i64)
    };
    if date >= last_sunday(3) && date < last_sunday(10) { 120 } else { 60 }
}

/// `time` written with `offset` (minutes from UTC) as Dutch local time on `date`.
pub fn to_netherlands_time(time: NaiveTime, offset: i32, date: NaiveDate) -> NaiveTime {
    let shift = netherlands_offset(date) - offset;
    time.overflowing_add_signed(chrono::Duration::minutes(shift as i64)).0
}

/// The RFC 5545 code of `day` ("MO"), as HSDS writes it in `byday`.
pub fn rfc5545_day(day: Weekday) -> &'static str {
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][day.num_days_from_monday() as usize]
}

/// An RFC 5545 day code ("MO"), a Dutch abbreviation ("ma") or a full Dutch day name.
pub fn parse_day(text: &str) -> Option<Weekday> {
    // ASCII only, compared in place: a large region has tens of thousands of day codes.
    const NAMES: [(Weekday, [&str; 3]); 7] = [
        (Weekday::Mon, ["mo", "ma", "maandag"]),
        (Weekday::Tue, ["tu", "di", "dinsdag"]),
        (Weekday::Wed, ["we", "wo", "woensdag"]),
        (Weekday::Thu, ["th", "do", "donderdag"]),
        (Weekday::Fri, ["fr", "vr", "vrijdag"]),
        (Weekday::Sat, ["sa", "za", "zaterdag"]),
        (Weekday::Sun, ["su", "zo", "zondag"]),
    ];
    let text = text.trim();
    NAMES
        .iter()
        .find(|(_, names)| names.iter().any(|name| name.eq_ignore_ascii_case(text)))
        .map(|&(day, _)| day)
}

/// The compact form of the CSV template: `ma-vr 09:00-17:00; za 10:00-12:00`, several
/// periods a day (`ma 09:00-12:00, 13:00-17:00`), day lists (`ma,wo,vr`), `t/m` for a range,
/// and `24/7`. None when any part cannot be read, so a typo is never half-imported.
pub fn parse_compact(text: &str) -> Option<Vec<Schedule>> {
    let text = text.trim().to_lowercase();
    if text == "24/7" {
        return Some(vec![Schedule::day_and_night()]);
    }
    let mut schedules = Vec::new();
    for group in text.split([';', '\n']).map(str::trim).filter(|g| !g.is_empty()) {
        let split = group.find(|c: char| c.is_ascii_digit())?;
        let days = parse_days(&group[..split])?;
        // "09:00 - 12:00" and "09:00-12:00" alike; periods are separated by commas or spaces.
        let periods = group[split..].replace(" -", "-").replace("- ", "-");
        let mut any = false;
        for period in periods.split([',', ' ']).filter(|p| !p.is_empty()) {
            let (opens, closes) = period.split_once('-')?;
            schedules.push(Schedule {
                days: days.clone(),
                opens_at: parse_time(opens)?,
                closes_at: parse_time(closes)?,
                description: None,
                repeat: None,
            });
            any = true;
        }
        if !any {
            return None;
        }
    }
    (!schedules.is_empty()).then_some(schedules)
}

/// "ma-vr", "ma t/m vr", "ma,wo,vr", "vr-ma" (wraps over the weekend).
fn parse_days(text: &str) -> Option<Vec<Weekday>> {
    let text = text.replace("t/m", "-");
    let mut days = Vec::new();
    for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part.split_once('-') {
            Some((from, to)) => {
                let (mut day, last) = (parse_day(from)?, parse_day(to)?);
                days.push(day);
                while day != last {
                    day = day.succ();
                    days.push(day);
                }
            }
            None => days.push(parse_day(part)?),
        }
    }
    (!days.is_empty()).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_with_an_offset_become_dutch_local_time_with_summer_time() {
        let date = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        // Summer time 2026: from Sunday 29 March to Sunday 25 October.
        for (day, offset) in [(date(3, 28), 60), (date(3, 29), 120), (date(10, 24), 120), (date(10, 25), 60), (date(12, 1), 60)] {
            assert_eq!(netherlands_offset(day), offset, "{day}");
        }
        let local = |text: &str, day| {
            let (time, offset) = parse_time_with_offset(text).unwrap();
            offset.map_or(time, |offset| to_netherlands_time(time, offset, day)).format("%H:%M").to_string()
        };
        assert_eq!(local("09:00Z", date(12, 1)), "10:00");
        assert_eq!(local("09:00Z", date(7, 1)), "11:00");
        assert_eq!(local("09:00+01:00", date(12, 1)), "09:00");
        assert_eq!(local("09:00:00+01:00", date(7, 1)), "10:00");
        assert_eq!(local("09:00:00-0500", date(12, 1)), "15:00");
        assert_eq!(local("09:00", date(7, 1)), "09:00", "no offset: local time as written");
        assert_eq!(parse_time_with_offset("09:00+99:00"), None);
    }
    use chrono::NaiveDate;

    fn time(text: &str) -> NaiveTime {
        parse_time(text).unwrap()
    }

    /// 2026-11-23 is a Monday.
    fn at(day: Weekday, clock: &str) -> NaiveDateTime {
        let monday = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        (monday + chrono::Days::new(day.num_days_from_monday() as u64)).and_time(time(clock))
    }

    fn hours(compact: &str) -> WeekHours {
        WeekHours::new(&parse_compact(compact).unwrap())
    }

    fn monthly(rule: Repeat, days: &[Weekday], clock: &str) -> Schedule {
        let (opens, closes) = clock.split_once('-').unwrap();
        Schedule { days: days.to_vec(), opens_at: time(opens), closes_at: time(closes), description: None, repeat: Some(rule) }
    }

    fn nth(n: i8, day: Weekday) -> Repeat {
        Repeat { monthly: true, nth_weekdays: vec![(n, day)], ..Repeat::every_week() }
    }

    #[test]
    fn a_monthly_evening_says_when_it_opens_next_by_date() {
        // The second Tuesday of December 2026 is the 8th; of January 2027 the 12th.
        let evening = Hours::new(&[monthly(nth(2, Weekday::Tue), &[], "19:00-21:00")]);
        let on = |y, m, d, clock| NaiveDate::from_ymd_opt(y, m, d).unwrap().and_time(time(clock));
        assert_eq!(evening.state_at(on(2026, 12, 1, "20:00")), OpenState::ClosedOpensOn(NaiveDate::from_ymd_opt(2026, 12, 8).unwrap(), time("19:00")));
        assert_eq!(evening.state_at(on(2026, 12, 5, "20:00")), OpenState::ClosedOpensAt(Weekday::Tue, time("19:00")), "within a week: by its day");
        assert_eq!(evening.state_at(on(2026, 12, 8, "20:00")), OpenState::OpenUntil(time("21:00")));
        assert!(evening.is_open_at(on(2026, 12, 8, "20:00")) && !evening.is_open_at(on(2026, 12, 15, "20:00")));
        assert_eq!(evening.state_at(on(2026, 12, 8, "21:00")), OpenState::ClosedOpensOn(NaiveDate::from_ymd_opt(2027, 1, 12).unwrap(), time("19:00")));
        let said = evening.state_at(on(2026, 12, 1, "20:00")).describe(Lang::Nl, on(2026, 12, 1, "20:00"));
        assert_eq!(said, "Gesloten, opent 8 december 2026 om 19:00");
        // The week table has nothing to show; the line says it.
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert!(evening.table(today).is_empty());
        assert_eq!(evening.other_lines(today, Lang::Nl), ["Elke 2e dinsdag van de maand, 19:00–21:00"]);
        assert_eq!(evening.other_lines(today, Lang::En), ["Every 2nd Tuesday of the month, 19:00–21:00"]);
    }

    #[test]
    fn weekly_and_monthly_hours_merge_and_agree() {
        let office = parse_compact("ma-vr 09:00-17:00").unwrap();
        let late = monthly(nth(-1, Weekday::Fri), &[], "17:00-21:00");
        let hours = Hours::new(office.iter().chain([&late]));
        // The last Friday of December 2026 is the 25th.
        let on = |d, clock| NaiveDate::from_ymd_opt(2026, 12, d).unwrap().and_time(time(clock));
        assert_eq!(hours.state_at(on(25, "10:00")), OpenState::OpenUntil(time("21:00")), "office hours run into the evening");
        assert_eq!(hours.state_at(on(18, "10:00")), OpenState::OpenUntil(time("17:00")));
        assert_eq!(hours.state_at(on(18, "18:00")), OpenState::ClosedOpensAt(Weekday::Mon, time("09:00")));
        for d in 1..=31 {
            for clock in ["08:00", "09:00", "16:59", "17:00", "20:59", "21:00", "23:00"] {
                let moment = on(d, clock);
                assert_eq!(hours.is_open_at(moment), hours.state_at(moment).is_open(), "{moment}");
            }
        }
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        assert_eq!(hours.table(today).describe_day(Weekday::Fri, Lang::Nl), "09:00–17:00", "the table has the weekly hours");
        assert_eq!(hours.other_lines(today, Lang::Nl), ["Elke laatste vrijdag van de maand, 17:00–21:00"]);
    }

    #[test]
    fn hours_with_a_first_or_last_date() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let mut until = parse_compact("ma-vr 09:00-17:00").unwrap().remove(0);
        until.repeat = Some(Repeat { end: NaiveDate::from_ymd_opt(2026, 12, 31), ..Repeat::every_week() });
        let mut from = parse_compact("ma-vr 10:00-16:00").unwrap().remove(0);
        from.repeat = Some(Repeat { start: NaiveDate::from_ymd_opt(2027, 1, 4), ..Repeat::every_week() });
        let hours = Hours::new(&[until, from]);
        assert_eq!(hours.table(today).describe_day(Weekday::Mon, Lang::Nl), "09:00–17:00", "today's hours in the table");
        assert_eq!(hours.other_lines(today, Lang::Nl), [
            "Deze tijden gelden tot en met 31 december 2026.",
            "Op maandag, dinsdag, woensdag, donderdag, vrijdag, vanaf 4 januari 2027, 10:00–16:00",
        ]);
        let on = |y, m, d, clock| NaiveDate::from_ymd_opt(y, m, d).unwrap().and_time(time(clock));
        assert_eq!(hours.state_at(on(2026, 12, 31, "18:00")), OpenState::ClosedOpensAt(Weekday::Mon, time("10:00")), "closed over new year");
        assert_eq!(hours.state_at(on(2026, 12, 24, "18:00")), OpenState::ClosedOpensAt(Weekday::Fri, time("09:00")));
        assert_eq!(hours.state_at(on(2027, 1, 4, "09:30")), OpenState::ClosedOpensAt(Weekday::Mon, time("10:00")));
        assert_eq!(hours.table(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap()).describe_day(Weekday::Mon, Lang::Nl), "10:00–16:00", "the new hours once they hold");
    }

    #[test]
    fn office_hours_on_each_weekday() {
        let office = hours("ma-vr 09:00-17:00");
        for day in [Weekday::Mon, Weekday::Tue, Weekday::Wed, Weekday::Thu, Weekday::Fri] {
            assert_eq!(
                office.state_at(at(day, "08:59")),
                OpenState::ClosedOpensAt(day, time("09:00"))
            );
            assert_eq!(office.state_at(at(day, "09:00")), OpenState::OpenUntil(time("17:00")));
            assert_eq!(office.state_at(at(day, "16:59")), OpenState::OpenUntil(time("17:00")));
        }
        let next = |day: Weekday| OpenState::ClosedOpensAt(day, time("09:00"));
        assert_eq!(office.state_at(at(Weekday::Thu, "17:00")), next(Weekday::Fri));
        assert_eq!(office.state_at(at(Weekday::Fri, "17:00")), next(Weekday::Mon));
        assert_eq!(office.state_at(at(Weekday::Sat, "12:00")), next(Weekday::Mon), "closed days");
        assert_eq!(office.state_at(at(Weekday::Sun, "23:59")), next(Weekday::Mon));
    }

    #[test]
    fn several_periods_a_day() {
        let split = hours("ma 09:00-12:00, 13:00-17:00; za 10:00-12:00");
        let monday = |clock| split.state_at(at(Weekday::Mon, clock));
        assert_eq!(monday("10:00"), OpenState::OpenUntil(time("12:00")));
        assert_eq!(monday("12:30"), OpenState::ClosedOpensAt(Weekday::Mon, time("13:00")));
        assert_eq!(monday("13:00"), OpenState::OpenUntil(time("17:00")));
        assert_eq!(monday("18:00"), OpenState::ClosedOpensAt(Weekday::Sat, time("10:00")));
        assert_eq!(
            split.state_at(at(Weekday::Sat, "12:00")),
            OpenState::ClosedOpensAt(Weekday::Mon, time("09:00"))
        );
    }

    #[test]
    fn closing_at_midnight() {
        for form in ["vr 18:00-00:00", "vr 18:00-24:00", "vr 18:00-23:59"] {
            let evening = hours(form);
            assert_eq!(
                evening.state_at(at(Weekday::Fri, "23:30")),
                OpenState::OpenUntil(NaiveTime::MIN),
                "{form}"
            );
            assert_eq!(
                evening.state_at(at(Weekday::Sat, "00:00")),
                OpenState::ClosedOpensAt(Weekday::Fri, time("18:00")),
                "{form}"
            );
        }
    }

    #[test]
    fn crossing_midnight_and_the_end_of_the_week() {
        let night = hours("vr-zo 22:00-02:00");
        assert_eq!(night.state_at(at(Weekday::Fri, "23:00")), OpenState::OpenUntil(time("02:00")));
        assert_eq!(night.state_at(at(Weekday::Sat, "01:59")), OpenState::OpenUntil(time("02:00")));
        assert_eq!(
            night.state_at(at(Weekday::Sat, "02:00")),
            OpenState::ClosedOpensAt(Weekday::Sat, time("22:00"))
        );
        // Sunday's night runs into Monday morning.
        assert_eq!(night.state_at(at(Weekday::Mon, "01:00")), OpenState::OpenUntil(time("02:00")));
        assert_eq!(night.state_at(at(Weekday::Sun, "23:00")), OpenState::OpenUntil(time("02:00")));
        assert_eq!(
            night.state_at(at(Weekday::Mon, "03:00")),
            OpenState::ClosedOpensAt(Weekday::Fri, time("22:00"))
        );
    }

    #[test]
    fn touching_periods_read_as_one() {
        let weekend = hours("vr 17:00-00:00; za-zo 00:00-00:00; ma 00:00-09:00");
        assert_eq!(
            weekend.state_at(at(Weekday::Fri, "20:00")),
            OpenState::OpenUntilOn(Weekday::Mon, time("09:00"))
        );
        assert_eq!(
            weekend.state_at(at(Weekday::Mon, "08:00")),
            OpenState::OpenUntil(time("09:00"))
        );
        let late = hours("vr 22:00-00:00; za 00:00-02:00");
        assert_eq!(late.state_at(at(Weekday::Fri, "23:00")), OpenState::OpenUntil(time("02:00")));
    }

    #[test]
    fn day_and_night() {
        for form in ["24/7", "ma-zo 00:00-24:00", "ma t/m zo 00:00-23:59", "zo-za 0:00-0:00"] {
            let always = hours(form);
            for day in ALL_DAYS {
                for clock in ["00:00", "12:00", "23:59"] {
                    assert_eq!(
                        always.state_at(at(day, clock)),
                        OpenState::OpenDayAndNight,
                        "{form}"
                    );
                }
            }
        }
        let almost = hours("ma-za 00:00-24:00");
        assert_eq!(
            almost.state_at(at(Weekday::Mon, "10:00")),
            OpenState::OpenUntilOn(Weekday::Sun, NaiveTime::MIN)
        );
        assert_eq!(
            almost.state_at(at(Weekday::Sun, "10:00")),
            OpenState::ClosedOpensAt(Weekday::Mon, NaiveTime::MIN)
        );
    }

    #[test]
    fn no_hours_is_closed() {
        let none = WeekHours::new(&[]);
        assert!(none.is_empty());
        assert_eq!(none.state_at(at(Weekday::Mon, "10:00")), OpenState::Closed);
        assert!(!none.is_open_at(at(Weekday::Mon, "10:00")));
    }

    #[test]
    fn is_open_agrees_with_the_state() {
        let mixed = hours("ma,wo 08:30-12:00; do 20:00-03:00; zo 10:00-00:00");
        for day in ALL_DAYS {
            for hour in 0..24 {
                for minute in [0, 29, 30, 59] {
                    let moment = at(day, &format!("{hour:02}:{minute:02}"));
                    assert_eq!(
                        mixed.is_open_at(moment),
                        mixed.state_at(moment).is_open(),
                        "{moment}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_compact_form_is_strict() {
        assert_eq!(parse_compact("ma-vr 09:00-17:00").unwrap()[0].days.len(), 5);
        assert_eq!(
            parse_compact("vr-ma 9.00 - 12.00").unwrap()[0].days,
            [Weekday::Fri, Weekday::Sat, Weekday::Sun, Weekday::Mon]
        );
        assert_eq!(
            parse_compact("Maandag, woensdag 09:00-12:00").unwrap()[0].days,
            [Weekday::Mon, Weekday::Wed]
        );
        for bad in [
            "",
            "ma-vr",
            "ma-vr 9-17",
            "mo-xx 09:00-17:00",
            "ma 09:00-25:00",
            "ma 09:00",
            "altijd",
            "ma 09:00-17:00; di",
        ] {
            assert_eq!(parse_compact(bad), None, "{bad}");
        }
    }

    #[test]
    fn hsds_times_with_seconds_and_offsets() {
        assert_eq!(parse_time("10:00:00"), Some(time("10:00")));
        assert_eq!(parse_time("09:00+01:00"), Some(time("09:00")));
        assert_eq!(parse_time("09:00Z"), Some(time("09:00")));
        for bad in ["9", "123:00", "-1:00", "ab:cd", "10:0", "10:00x"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }

    #[test]
    fn descriptions_name_today_tomorrow_or_the_day() {
        let monday_evening = at(Weekday::Mon, "20:00");
        let phrase = |day, clock| OpenState::ClosedOpensAt(day, time(clock)).phrase(monday_evening);
        assert_eq!(
            phrase(Weekday::Mon, "21:00"),
            ("social_map.open.opens_today", None, Some(time("21:00")))
        );
        assert_eq!(
            phrase(Weekday::Tue, "09:00"),
            ("social_map.open.opens_tomorrow", None, Some(time("09:00")))
        );
        assert_eq!(phrase(Weekday::Thu, "09:00").1, Some(Weekday::Thu));
        assert_eq!(phrase(Weekday::Mon, "09:00").1, Some(Weekday::Mon), "next week's Monday");
        let until = OpenState::OpenUntil(time("17:00")).describe(Lang::Nl, monday_evening);
        assert_eq!(until, "Nu open tot 17:00");
    }

    #[test]
    fn each_day_of_the_week_table_shows_its_own_hours() {
        let hours = WeekHours::new(&parse_compact("ma-vr 09:00-17:00; do 19:00-21:00; za 22:00-02:00").unwrap());
        assert_eq!(hours.describe_day(Weekday::Mon, Lang::Nl), "09:00–17:00");
        assert_eq!(hours.describe_day(Weekday::Thu, Lang::Nl), "09:00–17:00, 19:00–21:00");
        assert_eq!(hours.describe_day(Weekday::Sat, Lang::Nl), "22:00–24:00");
        assert_eq!(hours.describe_day(Weekday::Sun, Lang::Nl), "00:00–02:00", "past midnight shows on the next day");
        let always = WeekHours::new(&parse_compact("24/7").unwrap());
        assert_eq!(always.describe_day(Weekday::Wed, Lang::Nl), "hele dag");
        assert_eq!(WeekHours::default().describe_day(Weekday::Fri, Lang::En), "closed");
    }
}
