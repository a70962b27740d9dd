// The AI table itself. Facts follow the GS1 General Specifications (release 25) and were
// cross-checked against GS1's Barcode Syntax Dictionary (release 2026-01-27, Apache-2.0),
// written here in Zhiyou's own row format (see ai_table.hpp).
#include "trace/gs1/ai_table.hpp"
#include "core/text.hpp"

namespace zhiyou::trace::gs1 {
namespace {

// first, last, flags, format, requisites, excludes, Digital Link qualifiers, title
constexpr AiEntry kTable[] = {
    {"00", "00", kPredefined | kDlAttribute | kDlPrimaryKey, "N18:csum+gcppos2", "", "", "",
     "SSCC"},
    {"01", "01", kPredefined | kDlAttribute | kDlPrimaryKey, "N14:csum+gcppos2", "", "255,37",
     "22,10,21|235", "GTIN"},
    {"02", "02", kPredefined | kDlAttribute, "N14:csum+gcppos2", "37", "01,03", "", "CONTENT"},
    {"03", "03", kPredefined, "N14:csum+gcppos2", "", "01,02,37", "", "MTO GTIN"},
    {"10", "10", kDlAttribute, "X..20", "01,02,03,8006,8026", "", "", "BATCH/LOT"},
    {"11", "11", kPredefined | kDlAttribute, "N6:yymmd0", "01,02,03,8006,8026", "", "",
     "PROD DATE"},
    {"12", "12", kPredefined | kDlAttribute, "N6:yymmd0", "8020", "", "", "DUE DATE"},
    {"13", "13", kPredefined | kDlAttribute, "N6:yymmd0", "01,02,03,8006,8026", "", "",
     "PACK DATE"},
    {"15", "15", kPredefined | kDlAttribute, "N6:yymmd0", "01,02,03,8006,8026", "", "",
     "BEST BEFORE or BEST BY"},
    {"16", "16", kPredefined | kDlAttribute, "N6:yymmd0", "01,02,03,8006,8026", "", "", "SELL BY"},
    {"17", "17", kPredefined | kDlAttribute, "N6:yymmd0", "01,02,03,255,8006,8026", "", "",
     "USE BY or EXPIRY"},
    {"20", "20", kPredefined | kDlAttribute, "N2", "01,02,8006,8026", "", "", "VARIANT"},
    {"21", "21", 0, "X..20", "01,03,8006", "235", "", "SERIAL"},
    {"22", "22", 0, "X..20", "01", "", "", "CPV"},
    {"235", "235", 0, "X..28", "01", "", "", "TPX"},
    {"240", "240", kDlAttribute, "X..30", "01,02,8006,8026", "", "", "ADDITIONAL ID"},
    {"241", "241", kDlAttribute, "X..30", "01,02,8006,8026", "", "", "CUST. PART No."},
    {"242", "242", kDlAttribute, "N..6", "01,02,8006,8026", "", "", "MTO VARIANT"},
    {"243", "243", kDlAttribute, "X..20", "01", "", "", "PCN"},
    {"250", "250", kDlAttribute, "X..30", "01,8006;21", "", "", "SECONDARY SERIAL"},
    {"251", "251", kDlAttribute, "X..30", "01,8006", "", "", "REF. TO SOURCE"},
    {"253", "253", kDlAttribute | kDlPrimaryKey, "N13:csum+gcppos1 ~X..17", "", "", "", "GDTI"},
    {"254", "254", 0, "X..20", "414", "", "", "GLN EXTENSION COMPONENT"},
    {"255", "255", kDlAttribute | kDlPrimaryKey, "N13:csum+gcppos1 ~N..12", "",
     "01,02,415,8006,8020,8026", "", "GCN"},
    {"30", "30", kDlAttribute, "N..8", "01,02", "", "", "VAR. COUNT"},
    {"3100", "3105", kPredefined | kDlAttribute, "N6", "01,02", "310n", "", "NET WEIGHT (kg)"},
    {"3110", "3115", kPredefined | kDlAttribute, "N6", "01,02", "311n", "", "LENGTH (m)"},
    {"3120", "3125", kPredefined | kDlAttribute, "N6", "01,02", "312n", "", "WIDTH (m)"},
    {"3130", "3135", kPredefined | kDlAttribute, "N6", "01,02", "313n", "", "HEIGHT (m)"},
    {"3140", "3145", kPredefined | kDlAttribute, "N6", "01,02", "314n", "", "AREA (m²)"},
    {"3150", "3155", kPredefined | kDlAttribute, "N6", "01,02", "315n", "", "NET VOLUME (l)"},
    {"3160", "3165", kPredefined | kDlAttribute, "N6", "01,02", "316n", "", "NET VOLUME (m³)"},
    {"3200", "3205", kPredefined | kDlAttribute, "N6", "01,02", "320n", "", "NET WEIGHT (lb)"},
    {"3210", "3215", kPredefined | kDlAttribute, "N6", "01,02", "321n", "", "LENGTH (in)"},
    {"3220", "3225", kPredefined | kDlAttribute, "N6", "01,02", "322n", "", "LENGTH (ft)"},
    {"3230", "3235", kPredefined | kDlAttribute, "N6", "01,02", "323n", "", "LENGTH (yd)"},
    {"3240", "3245", kPredefined | kDlAttribute, "N6", "01,02", "324n", "", "WIDTH (in)"},
    {"3250", "3255", kPredefined | kDlAttribute, "N6", "01,02", "325n", "", "WIDTH (ft)"},
    {"3260", "3265", kPredefined | kDlAttribute, "N6", "01,02", "326n", "", "WIDTH (yd)"},
    {"3270", "3275", kPredefined | kDlAttribute, "N6", "01,02", "327n", "", "HEIGHT (in)"},
    {"3280", "3285", kPredefined | kDlAttribute, "N6", "01,02", "328n", "", "HEIGHT (ft)"},
    {"3290", "3295", kPredefined | kDlAttribute, "N6", "01,02", "329n", "", "HEIGHT (yd)"},
    {"3300", "3305", kPredefined | kDlAttribute, "N6", "00,01", "330n", "", "GROSS WEIGHT (kg)"},
    {"3310", "3315", kPredefined | kDlAttribute, "N6", "00,01", "331n", "", "LENGTH (m), log"},
    {"3320", "3325", kPredefined | kDlAttribute, "N6", "00,01", "332n", "", "WIDTH (m), log"},
    {"3330", "3335", kPredefined | kDlAttribute, "N6", "00,01", "333n", "", "HEIGHT (m), log"},
    {"3340", "3345", kPredefined | kDlAttribute, "N6", "00,01", "334n", "", "AREA (m²), log"},
    {"3350", "3355", kPredefined | kDlAttribute, "N6", "00,01", "335n", "", "VOLUME (l), log"},
    {"3360", "3365", kPredefined | kDlAttribute, "N6", "00,01", "336n", "", "VOLUME (m³), log"},
    {"3370", "3375", kPredefined | kDlAttribute, "N6", "01", "337n", "", "KG PER m²"},
    {"3400", "3405", kPredefined | kDlAttribute, "N6", "00,01", "340n", "", "GROSS WEIGHT (lb)"},
    {"3410", "3415", kPredefined | kDlAttribute, "N6", "00,01", "341n", "", "LENGTH (in), log"},
    {"3420", "3425", kPredefined | kDlAttribute, "N6", "00,01", "342n", "", "LENGTH (ft), log"},
    {"3430", "3435", kPredefined | kDlAttribute, "N6", "00,01", "343n", "", "LENGTH (yd), log"},
    {"3440", "3445", kPredefined | kDlAttribute, "N6", "00,01", "344n", "", "WIDTH (in), log"},
    {"3450", "3455", kPredefined | kDlAttribute, "N6", "00,01", "345n", "", "WIDTH (ft), log"},
    {"3460", "3465", kPredefined | kDlAttribute, "N6", "00,01", "346n", "", "WIDTH (yd), log"},
    {"3470", "3475", kPredefined | kDlAttribute, "N6", "00,01", "347n", "", "HEIGHT (in), log"},
    {"3480", "3485", kPredefined | kDlAttribute, "N6", "00,01", "348n", "", "HEIGHT (ft), log"},
    {"3490", "3495", kPredefined | kDlAttribute, "N6", "00,01", "349n", "", "HEIGHT (yd), log"},
    {"3500", "3505", kPredefined | kDlAttribute, "N6", "01,02", "350n", "", "AREA (in²)"},
    {"3510", "3515", kPredefined | kDlAttribute, "N6", "01,02", "351n", "", "AREA (ft²)"},
    {"3520", "3525", kPredefined | kDlAttribute, "N6", "01,02", "352n", "", "AREA (yd²)"},
    {"3530", "3535", kPredefined | kDlAttribute, "N6", "00,01", "353n", "", "AREA (in²), log"},
    {"3540", "3545", kPredefined | kDlAttribute, "N6", "00,01", "354n", "", "AREA (ft²), log"},
    {"3550", "3555", kPredefined | kDlAttribute, "N6", "00,01", "355n", "", "AREA (yd²), log"},
    {"3560", "3565", kPredefined | kDlAttribute, "N6", "01,02", "356n", "", "NET WEIGHT (tr oz)"},
    {"3570", "3575", kPredefined | kDlAttribute, "N6", "01,02", "357n", "", "NET VOLUME (oz)"},
    {"3600", "3605", kPredefined | kDlAttribute, "N6", "01,02", "360n", "", "NET VOLUME (qt (US))"},
    {"3610", "3615", kPredefined | kDlAttribute, "N6", "01,02", "361n", "", "NET VOLUME (gal.)"},
    {"3620", "3625", kPredefined | kDlAttribute, "N6", "00,01", "362n", "",
     "VOLUME (qt (US)), log"},
    {"3630", "3635", kPredefined | kDlAttribute, "N6", "00,01", "363n", "",
     "VOLUME (gal (US)), log"},
    {"3640", "3645", kPredefined | kDlAttribute, "N6", "01,02", "364n", "", "NET VOLUME (in³)"},
    {"3650", "3655", kPredefined | kDlAttribute, "N6", "01,02", "365n", "", "NET VOLUME (ft³)"},
    {"3660", "3665", kPredefined | kDlAttribute, "N6", "01,02", "366n", "", "NET VOLUME (yd³)"},
    {"3670", "3675", kPredefined | kDlAttribute, "N6", "00,01", "367n", "", "VOLUME (in³), log"},
    {"3680", "3685", kPredefined | kDlAttribute, "N6", "00,01", "368n", "", "VOLUME (ft³), log"},
    {"3690", "3695", kPredefined | kDlAttribute, "N6", "00,01", "369n", "", "VOLUME (yd³), log"},
    {"37", "37", kDlAttribute, "N..8", "00;02,8026", "", "", "COUNT"},
    {"3900", "3909", kDlAttribute, "N..15", "255,8020", "390n,391n,394n,8111", "", "AMOUNT"},
    {"3910", "3919", kDlAttribute, "N3:iso4217 N..15", "8020", "391n", "", "AMOUNT"},
    {"3920", "3929", kDlAttribute, "N..15", "01;30,31nn,32nn,35nn,36nn", "392n,393n", "", "PRICE"},
    {"3930", "3939", kDlAttribute, "N3:iso4217 N..15", "30,31nn,32nn,35nn,36nn", "393n", "",
     "PRICE"},
    {"3940", "3943", kDlAttribute, "N4", "255", "394n,8111", "", "PRCNT OFF"},
    {"3950", "3955", kDlAttribute, "N6", "30,31nn,32nn,35nn,36nn", "392n,393n,395n,8005", "",
     "PRICE/UoM"},
    {"400", "400", kDlAttribute, "X..30", "", "", "", "ORDER NUMBER"},
    {"401", "401", kDlAttribute | kDlPrimaryKey, "X..30:gcppos1", "", "", "", "GINC"},
    {"402", "402", kDlAttribute | kDlPrimaryKey, "N17:csum+gcppos1", "", "", "", "GSIN"},
    {"403", "403", kDlAttribute, "X..30", "00", "", "", "ROUTE"},
    {"410", "410", kPredefined | kDlAttribute, "N13:csum+gcppos1", "", "", "", "SHIP TO LOC"},
    {"411", "411", kPredefined | kDlAttribute, "N13:csum+gcppos1", "", "", "", "BILL TO"},
    {"412", "412", kPredefined | kDlAttribute, "N13:csum+gcppos1", "", "", "", "PURCHASE FROM"},
    {"413", "413", kPredefined | kDlAttribute, "N13:csum+gcppos1", "", "", "", "SHIP FOR LOC"},
    {"414", "414", kPredefined | kDlAttribute | kDlPrimaryKey, "N13:csum+gcppos1", "", "",
     "254|7040", "LOC No."},
    {"415", "415", kPredefined | kDlAttribute | kDlPrimaryKey, "N13:csum+gcppos1", "8020", "",
     "8020", "PAY TO"},
    {"416", "416", kPredefined | kDlAttribute, "N13:csum+gcppos1", "", "", "", "PROD/SERV LOC"},
    {"417", "417", kPredefined | kDlAttribute | kDlPrimaryKey, "N13:csum+gcppos1", "", "", "7040",
     "PARTY"},
    {"420", "420", kDlAttribute, "X..20", "", "421", "", "SHIP TO POST"},
    {"421", "421", kDlAttribute, "N3:iso3166 X..9", "", "4307", "", "SHIP TO POST"},
    {"422", "422", kDlAttribute, "N3:iso3166", "01,02,8006,8026", "426", "", "ORIGIN"},
    {"423", "423", kDlAttribute, "N3:iso3166 ~N3:iso3166 ~N3:iso3166 ~N3:iso3166 ~N3:iso3166",
     "01,02", "426", "", "COUNTRY - INITIAL PROCESS"},
    {"424", "424", kDlAttribute, "N3:iso3166", "01,02", "426", "", "COUNTRY - PROCESS"},
    {"425", "425", kDlAttribute, "N3:iso3166 ~N3:iso3166 ~N3:iso3166 ~N3:iso3166 ~N3:iso3166",
     "01,02", "426", "", "COUNTRY - DISASSEMBLY"},
    {"426", "426", kDlAttribute, "N3:iso3166", "01,02", "", "", "COUNTRY - FULL PROCESS"},
    {"427", "427", kDlAttribute, "X..3", "01,02;422", "", "", "ORIGIN SUBDIVISION"},
    {"4300", "4300", kDlAttribute, "X..35:pcenc", "00", "", "", "SHIP TO COMP"},
    {"4301", "4301", kDlAttribute, "X..35:pcenc", "00", "", "", "SHIP TO NAME"},
    {"4302", "4302", kDlAttribute, "X..70:pcenc", "00", "", "", "SHIP TO ADD1"},
    {"4303", "4303", kDlAttribute, "X..70:pcenc", "4302", "", "", "SHIP TO ADD2"},
    {"4304", "4304", kDlAttribute, "X..70:pcenc", "00", "", "", "SHIP TO SUB"},
    {"4305", "4305", kDlAttribute, "X..70:pcenc", "00", "", "", "SHIP TO LOC"},
    {"4306", "4306", kDlAttribute, "X..70:pcenc", "00", "", "", "SHIP TO REG"},
    {"4307", "4307", kDlAttribute, "X2:iso3166alpha2", "00", "", "", "SHIP TO COUNTRY"},
    {"4308", "4308", kDlAttribute, "X..30", "00", "", "", "SHIP TO PHONE"},
    {"4309", "4309", kDlAttribute, "N10:latitude N10:longitude", "00", "", "", "SHIP TO GEO"},
    {"4310", "4310", kDlAttribute, "X..35:pcenc", "00", "", "", "RTN TO COMP"},
    {"4311", "4311", kDlAttribute, "X..35:pcenc", "00", "", "", "RTN TO NAME"},
    {"4312", "4312", kDlAttribute, "X..70:pcenc", "00", "", "", "RTN TO ADD1"},
    {"4313", "4313", kDlAttribute, "X..70:pcenc", "4312", "", "", "RTN TO ADD2"},
    {"4314", "4314", kDlAttribute, "X..70:pcenc", "00", "", "", "RTN TO SUB"},
    {"4315", "4315", kDlAttribute, "X..70:pcenc", "00", "", "", "RTN TO LOC"},
    {"4316", "4316", kDlAttribute, "X..70:pcenc", "00", "", "", "RTN TO REG"},
    {"4317", "4317", kDlAttribute, "X2:iso3166alpha2", "00", "", "", "RTN TO COUNTRY"},
    {"4318", "4318", kDlAttribute, "X..20", "00", "", "", "RTN TO POST"},
    {"4319", "4319", kDlAttribute, "X..30", "00", "", "", "RTN TO PHONE"},
    {"4320", "4320", kDlAttribute, "X..35:pcenc", "00", "", "", "SRV DESCRIPTION"},
    {"4321", "4321", kDlAttribute, "N1:yesno", "00", "", "", "DANGEROUS GOODS"},
    {"4322", "4322", kDlAttribute, "N1:yesno", "00", "", "", "AUTH TO LEAVE"},
    {"4323", "4323", kDlAttribute, "N1:yesno", "00", "", "", "SIG REQUIRED"},
    {"4324", "4324", kDlAttribute, "N6:yymmd0 N4:hhmi", "00", "", "", "NOT BEF DEL DT"},
    {"4325", "4325", kDlAttribute, "N6:yymmd0 N4:hhmi", "00", "", "", "NOT AFT DEL DT"},
    {"4326", "4326", kDlAttribute, "N6:yymmdd", "00", "", "", "REL DATE"},
    {"4330", "4330", kDlAttribute, "N6 ~X1:hyphen", "00", "4331", "", "MAX TEMP F."},
    {"4331", "4331", kDlAttribute, "N6 ~X1:hyphen", "00", "4330", "", "MAX TEMP C."},
    {"4332", "4332", kDlAttribute, "N6 ~X1:hyphen", "00", "4333", "", "MIN TEMP F."},
    {"4333", "4333", kDlAttribute, "N6 ~X1:hyphen", "00", "4332", "", "MIN TEMP C."},
    {"7001", "7001", kDlAttribute, "N13", "01,02,8006,8026", "", "", "NSN"},
    {"7002", "7002", kDlAttribute, "X..30", "01,02", "", "", "MEAT CUT"},
    {"7003", "7003", kDlAttribute, "N6:yymmdd N4:hhmi", "01,02", "", "", "EXPIRY TIME"},
    {"7004", "7004", kDlAttribute, "N..4", "01+10", "", "", "ACTIVE POTENCY"},
    {"7005", "7005", kDlAttribute, "X..12", "01,02", "", "", "CATCH AREA"},
    {"7006", "7006", kDlAttribute, "N6:yymmdd", "01,02", "", "", "FIRST FREEZE DATE"},
    {"7007", "7007", kDlAttribute, "N6:yymmdd ~N6:yymmdd", "01,02", "", "", "HARVEST DATE"},
    {"7008", "7008", kDlAttribute, "X..3", "01,02", "", "", "AQUATIC SPECIES"},
    {"7009", "7009", kDlAttribute, "X..10", "01,02", "", "", "FISHING GEAR TYPE"},
    {"7010", "7010", kDlAttribute, "X..2", "01,02", "", "", "PROD METHOD"},
    {"7011", "7011", kDlAttribute, "N6:yymmdd ~N4:hhmi", "01,02", "", "", "TEST BY DATE"},
    {"7020", "7020", kDlAttribute, "X..20", "01,8006;416", "", "", "REFURB LOT"},
    {"7021", "7021", kDlAttribute, "X..20", "01,8006", "", "", "FUNC STAT"},
    {"7022", "7022", kDlAttribute, "X..20", "7021", "", "", "REV STAT"},
    {"7023", "7023", kDlAttribute, "X..30:gcppos1", "", "", "", "GIAI - ASSEMBLY"},
    {"7030", "7030", kDlAttribute, "N3:iso3166999 X..27", "01,02", "", "", "PROCESSOR # 0"},
    {"7031", "7031", kDlAttribute, "N3:iso3166999 X..27", "01,02", "", "", "PROCESSOR # 1"},
    {"7032", "7032", kDlAttribute, "N3:iso3166999 X..27", "01,02", "", "", "PROCESSOR # 2"},
    {"7033", "7033", kDlAttribute, "N3:iso3166999 X..27", "01,02", "", "", "PROCESSOR # 3"},
    {"7034", "7034", kDlAttribute, "N3:iso3166999 X..27", "01,02", "", "", "PROCESSOR # 4"},
    {"7035", "7035", kDlAttribute, "N3:iso3166999 X..27", "01,02", "", "", "PROCESSOR # 5"},
    {"7036", "7036", kDlAttribute, "N3:iso3166999 X..27", "01,02", "", "", "PROCESSOR # 6"},
    {"7037", "7037", kDlAttribute, "N3:iso3166999 X..27", "01,02", "", "", "PROCESSOR # 7"},
    {"7038", "7038", kDlAttribute, "N3:iso3166999 X..27", "01,02", "", "", "PROCESSOR # 8"},
    {"7039", "7039", kDlAttribute, "N3:iso3166999 X..27", "01,02", "", "", "PROCESSOR # 9"},
    {"7040", "7040", 0, "N1 X1 X1 X1:importeridx", "", "", "", "UIC+EXT"},
    {"7041", "7041", 0, "X..4:packagetype", "00", "", "", "UFRGT UNIT TYPE"},
    {"710", "710", kDlAttribute, "X..20", "01", "", "", "NHRN PZN"},
    {"711", "711", kDlAttribute, "X..20", "01", "", "", "NHRN CIP"},
    {"712", "712", kDlAttribute, "X..20", "01", "", "", "NHRN CN"},
    {"713", "713", kDlAttribute, "X..20", "01", "", "", "NHRN DRN"},
    {"714", "714", kDlAttribute, "X..20", "01", "", "", "NHRN AIM"},
    {"715", "715", kDlAttribute, "X..20", "01", "", "", "NHRN NDC"},
    {"716", "716", kDlAttribute, "X..20", "01", "", "", "NHRN AIC"},
    {"717", "717", kDlAttribute, "X..20", "01", "", "", "NHRN SRN"},
    {"7230", "7230", kDlAttribute, "X2 X..28", "01,8004", "", "", "CERT # 1"},
    {"7231", "7231", kDlAttribute, "X2 X..28", "01,8004", "", "", "CERT # 2"},
    {"7232", "7232", kDlAttribute, "X2 X..28", "01,8004", "", "", "CERT # 3"},
    {"7233", "7233", kDlAttribute, "X2 X..28", "01,8004", "", "", "CERT # 4"},
    {"7234", "7234", kDlAttribute, "X2 X..28", "01,8004", "", "", "CERT # 5"},
    {"7235", "7235", kDlAttribute, "X2 X..28", "01,8004", "", "", "CERT # 6"},
    {"7236", "7236", kDlAttribute, "X2 X..28", "01,8004", "", "", "CERT # 7"},
    {"7237", "7237", kDlAttribute, "X2 X..28", "01,8004", "", "", "CERT # 8"},
    {"7238", "7238", kDlAttribute, "X2 X..28", "01,8004", "", "", "CERT # 9"},
    {"7239", "7239", kDlAttribute, "X2 X..28", "01,8004", "", "", "CERT # 10"},
    {"7240", "7240", kDlAttribute, "X..20", "01,8006", "", "", "PROTOCOL"},
    {"7241", "7241", kDlAttribute, "N2:mediatype", "8017,8018", "", "", "AIDC MEDIA TYPE"},
    {"7242", "7242", kDlAttribute, "X..25", "8017,8018", "", "", "VCN"},
    {"7250", "7250", kDlAttribute, "N8:yyyymmdd", "8018", "7251", "", "DOB"},
    {"7251", "7251", kDlAttribute, "N8:yyyymmdd N4:hhmi", "8018", "7250", "", "DOB TIME"},
    {"7252", "7252", kDlAttribute, "N1:iso5218", "8018", "", "", "BIO SEX"},
    {"7253", "7253", kDlAttribute, "X..40:pcenc", "8017,8018", "7256,7259", "", "FAMILY NAME"},
    {"7254", "7254", kDlAttribute, "X..40:pcenc", "8017,8018", "7256,7259", "", "GIVEN NAME"},
    {"7255", "7255", kDlAttribute, "X..10", "8017,8018", "7256,7259", "", "SUFFIX"},
    {"7256", "7256", kDlAttribute, "X..90:pcenc", "8017,8018", "", "", "FULL NAME"},
    {"7257", "7257", kDlAttribute, "X..70:pcenc", "8018", "", "", "PERSON ADDR"},
    {"7258", "7258", kDlAttribute, "X3:posinseqslash", "8018+7259", "", "", "BIRTH SEQUENCE"},
    {"7259", "7259", kDlAttribute, "X..40:pcenc", "8018", "7256", "", "BABY"},
    {"8001", "8001", kDlAttribute, "N4:nonzero N5:nonzero N3:nonzero N1:winding N1", "01", "", "",
     "DIMENSIONS"},
    {"8002", "8002", kDlAttribute, "X..20", "", "", "", "CMT No."},
    {"8003", "8003", kDlAttribute | kDlPrimaryKey, "N1:zero N13:csum+gcppos1 ~X..16", "", "", "",
     "GRAI"},
    {"8004", "8004", kDlAttribute | kDlPrimaryKey, "X..30:gcppos1", "", "", "7040", "GIAI"},
    {"8005", "8005", kDlAttribute, "N6", "01,02", "", "", "PRICE PER UNIT"},
    {"8006", "8006", kDlAttribute | kDlPrimaryKey, "N14:csum+gcppos2 N4:pieceoftotal", "", "01,37",
     "22,10,21", "ITIP"},
    {"8007", "8007", kDlAttribute, "X..34:iban", "415", "", "", "IBAN"},
    {"8008", "8008", kDlAttribute, "N6:yymmdd N2:hh ~N2:mi ~N2:ss", "01,02", "", "", "PROD TIME"},
    {"8009", "8009", kDlAttribute, "X..50", "00,01", "", "", "OPTSEN"},
    {"8010", "8010", kDlAttribute | kDlPrimaryKey, "Y..30:gcppos1", "", "", "8011", "CPID"},
    {"8011", "8011", 0, "N..12:nozeroprefix", "8010", "", "", "CPID SERIAL"},
    {"8012", "8012", kDlAttribute, "X..20", "01,8006", "", "", "VERSION"},
    {"8013", "8013", kDlAttribute | kDlPrimaryKey, "X..25:csumalpha+gcppos1", "", "", "", "GMN"},
    {"8014", "8014", 0, "X..25:csumalpha+gcppos1+hasnondigit", "01", "", "", "MUDI"},
    {"8017", "8017", kDlAttribute | kDlPrimaryKey, "N18:csum+gcppos1", "", "8018", "8019",
     "GSRN - PROVIDER"},
    {"8018", "8018", kDlAttribute | kDlPrimaryKey, "N18:csum+gcppos1", "", "8017", "8019",
     "GSRN - RECIPIENT"},
    {"8019", "8019", 0, "N..10", "8017,8018", "", "", "SRIN"},
    {"8020", "8020", 0, "X..25", "415", "", "", "REF No."},
    {"8026", "8026", kDlAttribute, "N14:csum+gcppos2 N4:pieceoftotal", "37", "02,8006", "",
     "ITIP CONTENT"},
    {"8030", "8030", kDlAttribute, "Z..90",
     "00,01+21,253,255,8003,8004,8006+21,8010+8011,8017,8018", "", "", "DIGSIG"},
    {"8040", "8040", 0, "N15", "01+21", "", "", "IMEI"},
    {"8041", "8041", 0, "N15", "01+21+8040", "", "", "IMEI2"},
    {"8042", "8042", 0, "N32", "01+21+8040", "", "", "ESIM"},
    {"8043", "8043", 0, "N18 ~N..2", "01+21+8040", "", "", "PSIM"},
    {"8110", "8110", kDlAttribute, "X..70:couponcode", "", "", "", "COUPON CODE (NORTH AMERICA)"},
    {"8111", "8111", kDlAttribute, "N4", "255", "", "", "POINTS"},
    {"8112", "8112", kDlAttribute, "X..70:couponposoffer", "", "", "",
     "POSITIVE OFFER FILE COUPON CODE"},
    {"8200", "8200", 0, "X..70", "01", "", "", "PRODUCT URL"},
    {"90", "90", kDlAttribute, "X..30", "", "", "", "INTERNAL"},
    {"91", "99", kDlAttribute, "X..90", "", "", "", "INTERNAL"},
};

constexpr std::size_t kTableSize = sizeof(kTable) / sizeof(kTable[0]);

constexpr unsigned digits_value(std::string_view s) {
  unsigned v = 0;
  for (char c : s) v = v * 10 + static_cast<unsigned>(c - '0');
  return v;
}

// Digits of every AI are padded on the right to four to form a key: AI "01" owns keys
// 0100-0199, AI "235" owns 2350-2359. GS1 assigns AI lengths by their first two digits, so
// the keys of different AIs never overlap; the builder proves it at compile time.
struct Index {
  std::array<std::uint8_t, 100> length_by_prefix{};
  std::array<std::uint16_t, 10000> row_by_key{};  // row + 1; 0 = no AI
};

constexpr Index build_index() {
  Index index;
  for (std::size_t row = 0; row < kTableSize; ++row) {
    const AiEntry& e = kTable[row];
    const std::size_t len = e.ai_length();
    if (len < 2 || len > 4 || e.last.size() != len) throw "bad AI length";
    unsigned scale = 1;
    for (std::size_t i = len; i < 4; ++i) scale *= 10;
    for (unsigned ai = digits_value(e.first); ai <= digits_value(e.last); ++ai) {
      const unsigned prefix = ai * scale / 100;
      if (index.length_by_prefix[prefix] != 0 && index.length_by_prefix[prefix] != len) {
        throw "AI length differs within a two-digit prefix";
      }
      index.length_by_prefix[prefix] = static_cast<std::uint8_t>(len);
    }
    for (unsigned ai = digits_value(e.first); ai <= digits_value(e.last); ++ai) {
      for (unsigned k = ai * scale; k < (ai + 1) * scale; ++k) {
        if (index.row_by_key[k] != 0) throw "overlapping AIs";
        index.row_by_key[k] = static_cast<std::uint16_t>(row + 1);
      }
    }
  }
  return index;
}

constexpr Index kIndex = build_index();

constexpr AiEntry kUnknownAi{"", "", 0, "X..90", "", "", "", "UNKNOWN AI"};

}  // namespace

std::span<const AiEntry> ai_table() { return {kTable, kTableSize}; }

std::size_t ai_length_for_prefix(char d1, char d2) {
  if (!text::is_ascii_digit(d1) || !text::is_ascii_digit(d2)) return 0;
  return kIndex.length_by_prefix[static_cast<unsigned>((d1 - '0') * 10 + (d2 - '0'))];
}

const AiEntry* find_ai(std::string_view ai) {
  if (ai.size() < 2 || ai.size() > 4) return nullptr;
  if (ai_length_for_prefix(ai[0], ai[1]) != ai.size()) return nullptr;
  unsigned key = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (i < ai.size()) {
      if (!text::is_ascii_digit(ai[i])) return nullptr;
      key = key * 10 + static_cast<unsigned>(ai[i] - '0');
    } else {
      key *= 10;
    }
  }
  const std::uint16_t row = kIndex.row_by_key[key];
  return row == 0 ? nullptr : &kTable[row - 1];
}

const AiEntry& unknown_ai_entry() { return kUnknownAi; }

}  // namespace zhiyou::trace::gs1
