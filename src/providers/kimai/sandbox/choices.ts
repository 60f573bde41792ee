// The sandbox's own copy of Kimai's choice lists (kimai 2.66.0): language (config/locales.php), locale
// (kimai_locales), colour (theme.color_choices), and its own timezone rule (Node's zones, renamed). Never
// imported by the client: test/providers/kimai/choices.test.ts compares this copy with the client's.

/** Locales with 'translation' => true: the choices of the "language" field. */
export const LANGUAGES: ReadonlySet<string> = new Set(
  (
    "ar bg ca cs da de de_CH el en eo es eu fa fi fo fr he hr hu id it ja ko nb_NO nl pa pl pt pt_BR ro ru sk sl " +
    "sr sv ta tr uk vi zh_CN zh_Hant zh_Hant_TW"
  ).split(" "),
);

/** The locale field's choices: kimai_locales in config/services.yaml (303 names, e.g. es_IC). */
export const LOCALES: ReadonlySet<string> = new Set(
  (
    "ar bg ca cs cs_CZ da da_DK da_GL de de_AT de_BE de_CH de_DE de_IT de_LI de_LU el el_CY el_GR en " +
    "en_AE en_AG en_AI en_AS en_AT en_AU en_BB en_BE en_BI en_BM en_BS en_BW en_BZ en_CA en_CC en_CH " +
    "en_CK en_CM en_CX en_CY en_CZ en_DE en_DG en_DK en_DM en_EE en_ER en_ES en_FI en_FJ en_FK en_FM " +
    "en_FR en_GB en_GD en_GE en_GG en_GH en_GI en_GM en_GS en_GU en_GY en_HK en_HU en_ID en_IE en_IL " +
    "en_IM en_IN en_IO en_IT en_JE en_JM en_JP en_KE en_KI en_KN en_KY en_LC en_LR en_LS en_LT en_LV " +
    "en_MG en_MH en_MO en_MP en_MS en_MT en_MU en_MV en_MW en_MY en_NA en_NF en_NG en_NH en_NL en_NO " +
    "en_NR en_NU en_NZ en_PG en_PH en_PK en_PL en_PN en_PR en_PT en_PW en_RH en_RO en_RW en_SB en_SC " +
    "en_SD en_SE en_SG en_SH en_SI en_SK en_SL en_SS en_SX en_SZ en_TC en_TK en_TO en_TT en_TV en_TZ " +
    "en_UA en_UG en_UM en_US en_VC en_VG en_VI en_VU en_WS en_ZA en_ZM en_ZW eo es es_AR es_BO es_BR " +
    "es_BZ es_CL es_CO es_CR es_CU es_DO es_EA es_EC es_ES es_GQ es_GT es_HN es_IC es_MX es_NI es_PA " +
    "es_PE es_PH es_PR es_PY es_SV es_US es_UY es_VE eu eu_ES fa fa_AF fa_IR fi fi_FI fo fo_DK fo_FO fr " +
    "fr_BE fr_BF fr_BI fr_BJ fr_BL fr_CA fr_CD fr_CF fr_CG fr_CH fr_CI fr_CM fr_DJ fr_DZ fr_FR fr_GA " +
    "fr_GF fr_GN fr_GP fr_GQ fr_HT fr_KM fr_LU fr_MA fr_MC fr_MF fr_MG fr_ML fr_MQ fr_MR fr_MU fr_NC " +
    "fr_NE fr_PF fr_PM fr_RE fr_RW fr_SC fr_SN fr_SY fr_TD fr_TG fr_TN fr_VU fr_WF fr_YT he he_IL hr " +
    "hr_BA hr_HR hu hu_HU id it it_CH it_IT it_SM it_VA ja ja_JP ko ko_CN ko_KP ko_KR nb_NO nl nl_AW " +
    "nl_BE nl_BQ nl_CW nl_NL nl_SR nl_SX pa pl pl_PL pt pt_AO pt_BR pt_CH pt_CV pt_GQ pt_GW pt_LU pt_MO " +
    "pt_MZ pt_PT pt_ST pt_TL ro ro_MD ro_RO ru ru_BY ru_KG ru_KZ ru_MD ru_RU ru_UA sk sk_SK sl sr sv " +
    "sv_AX sv_FI sv_SE ta tr tr_CY tr_TR uk uk_UA vi vi_VN zh_CN zh_Hant zh_Hant_TW "
  )
    .trim()
    .split(" "),
);

/**
 * ICU (and so Node's Intl) still reports these zones under their old names; PHP's
 * DateTimeZone::listIdentifiers() lists only the current IANA names and rejects the old ones.
 */
export const ICU_LEGACY_ZONE_NAMES: Readonly<Record<string, string>> = {
  "Africa/Asmera": "Africa/Asmara",
  "America/Buenos_Aires": "America/Argentina/Buenos_Aires",
  "America/Catamarca": "America/Argentina/Catamarca",
  "America/Coral_Harbour": "America/Atikokan",
  "America/Cordoba": "America/Argentina/Cordoba",
  "America/Godthab": "America/Nuuk",
  "America/Indianapolis": "America/Indiana/Indianapolis",
  "America/Jujuy": "America/Argentina/Jujuy",
  "America/Louisville": "America/Kentucky/Louisville",
  "America/Mendoza": "America/Argentina/Mendoza",
  "Asia/Calcutta": "Asia/Kolkata",
  "Asia/Katmandu": "Asia/Kathmandu",
  "Asia/Rangoon": "Asia/Yangon",
  "Asia/Saigon": "Asia/Ho_Chi_Minh",
  "Atlantic/Faeroe": "Atlantic/Faroe",
  "Europe/Kiev": "Europe/Kyiv",
  "Pacific/Enderbury": "Pacific/Kanton",
  "Pacific/Ponape": "Pacific/Pohnpei",
  "Pacific/Truk": "Pacific/Chuuk",
};

/**
 * The timezone field's choices (PHP's DateTimeZone::listIdentifiers()), by the sandbox's rule: Node's IANA
 * zones under their current names (the zone.tab set), plus "UTC", which PHP lists and Node only has as an alias.
 */
export const TIMEZONES: ReadonlySet<string> = new Set([
  ...Intl.supportedValuesOf("timeZone").map((zone) => ICU_LEGACY_ZONE_NAMES[zone] ?? zone),
  "UTC",
]);

/** theme.color_choices default (src/DependencyInjection/Configuration.php). */
export const COLOR_CHOICES: readonly string[] = [
  "#c0c0c0",
  "#808080",
  "#000000",
  "#800000",
  "#a52a2a",
  "#ff0000",
  "#ffa500",
  "#ffd700",
  "#ffff00",
  "#ffdab9",
  "#f0e68c",
  "#808000",
  "#00ff00",
  "#9acd32",
  "#008000",
  "#008080",
  "#00ffff",
  "#add8e6",
  "#00bfff",
  "#1e90ff",
  "#0000ff",
  "#000080",
  "#800080",
  "#ff00ff",
  "#ee82ee",
  "#ffe4e1",
  "#E6E6FA",
];
