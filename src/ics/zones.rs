//! TZID values as calendar apps write them: IANA names (Google, Apple,
//! Thunderbird) and Windows names (Outlook, Exchange) for the common zones.

use jiff::tz::TimeZone;

/// Windows zone names Outlook writes, with the IANA zone of each (the
/// "001" territory of CLDR's windowsZones.xml); the common ones only.
const WINDOWS: &[(&str, &str)] = &[
    ("Dateline Standard Time", "Etc/GMT+12"),
    ("Hawaiian Standard Time", "Pacific/Honolulu"),
    ("Alaskan Standard Time", "America/Anchorage"),
    ("Pacific Standard Time", "America/Los_Angeles"),
    ("Mountain Standard Time", "America/Denver"),
    ("US Mountain Standard Time", "America/Phoenix"),
    ("Central Standard Time", "America/Chicago"),
    ("Central America Standard Time", "America/Guatemala"),
    ("Canada Central Standard Time", "America/Regina"),
    ("Central Standard Time (Mexico)", "America/Mexico_City"),
    ("Eastern Standard Time", "America/New_York"),
    ("SA Pacific Standard Time", "America/Bogota"),
    ("Atlantic Standard Time", "America/Halifax"),
    ("Newfoundland Standard Time", "America/St_Johns"),
    ("E. South America Standard Time", "America/Sao_Paulo"),
    ("Argentina Standard Time", "America/Buenos_Aires"),
    ("Pacific SA Standard Time", "America/Santiago"),
    ("UTC", "Etc/UTC"),
    ("Coordinated Universal Time", "Etc/UTC"),
    ("GMT Standard Time", "Europe/London"),
    ("Greenwich Standard Time", "Atlantic/Reykjavik"),
    ("W. Europe Standard Time", "Europe/Berlin"),
    ("Central Europe Standard Time", "Europe/Budapest"),
    ("Romance Standard Time", "Europe/Paris"),
    ("Central European Standard Time", "Europe/Warsaw"),
    ("W. Central Africa Standard Time", "Africa/Lagos"),
    ("GTB Standard Time", "Europe/Bucharest"),
    ("E. Europe Standard Time", "Europe/Chisinau"),
    ("FLE Standard Time", "Europe/Kiev"),
    ("South Africa Standard Time", "Africa/Johannesburg"),
    ("Israel Standard Time", "Asia/Jerusalem"),
    ("Egypt Standard Time", "Africa/Cairo"),
    ("Turkey Standard Time", "Europe/Istanbul"),
    ("Russian Standard Time", "Europe/Moscow"),
    ("Arab Standard Time", "Asia/Riyadh"),
    ("Arabian Standard Time", "Asia/Dubai"),
    ("Iran Standard Time", "Asia/Tehran"),
    ("Pakistan Standard Time", "Asia/Karachi"),
    ("India Standard Time", "Asia/Calcutta"),
    ("Nepal Standard Time", "Asia/Katmandu"),
    ("Bangladesh Standard Time", "Asia/Dhaka"),
    ("SE Asia Standard Time", "Asia/Bangkok"),
    ("China Standard Time", "Asia/Shanghai"),
    ("Singapore Standard Time", "Asia/Singapore"),
    ("Taipei Standard Time", "Asia/Taipei"),
    ("W. Australia Standard Time", "Australia/Perth"),
    ("Tokyo Standard Time", "Asia/Tokyo"),
    ("Korea Standard Time", "Asia/Seoul"),
    ("Cen. Australia Standard Time", "Australia/Adelaide"),
    ("AUS Central Standard Time", "Australia/Darwin"),
    ("E. Australia Standard Time", "Australia/Brisbane"),
    ("AUS Eastern Standard Time", "Australia/Sydney"),
    ("New Zealand Standard Time", "Pacific/Auckland"),
];

/// The zone a TZID names: an IANA name, or a Windows name of the table;
/// None for anything else. Quotes and a leading `/` (a globally unique
/// TZID, RFC 5545 3.2.19) are ignored.
pub fn resolve(tzid: &str) -> Option<TimeZone> {
    let name = tzid.trim().trim_matches('"').trim_start_matches('/');
    if let Some((_, iana)) = WINDOWS
        .iter()
        .find(|(windows, _)| windows.eq_ignore_ascii_case(name))
    {
        return TimeZone::get(iana).ok();
    }
    TimeZone::get(name).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iana_and_common_windows_names_resolve_and_others_do_not() {
        assert_eq!(
            resolve("Europe/Berlin").unwrap().iana_name(),
            Some("Europe/Berlin")
        );
        assert_eq!(
            resolve("W. Europe Standard Time").unwrap().iana_name(),
            Some("Europe/Berlin")
        );
        assert_eq!(
            resolve("\"Pacific Standard Time\"").unwrap().iana_name(),
            Some("America/Los_Angeles")
        );
        assert!(resolve("Customized Time Zone").is_none());
        assert!(resolve("Mars/Olympus_Mons").is_none());
    }

    #[test]
    fn every_windows_name_of_the_table_resolves() {
        for (windows, iana) in WINDOWS {
            assert!(TimeZone::get(iana).is_ok(), "{windows} -> {iana}");
        }
    }
}
