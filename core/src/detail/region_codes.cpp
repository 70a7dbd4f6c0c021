// The 249 assigned ISO 3166-1 alpha-2 codes: listed readably, kept as a letter_pair_set (88 bytes instead
// of 498 in the widget's WebAssembly core; one look, no search).
#include "detail/region_codes.hpp"

#include "detail/letter_pair_set.hpp"

namespace otklik::detail {

namespace {

constexpr std::string_view alpha2 =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCX"
    "CYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIR"
    "ISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNE"
    "NFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTF"
    "TGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";
static_assert(alpha2.size() == 2 * 249, "ISO 3166-1 assigns 249 alpha-2 codes");

constexpr letter_pair_set countries(alpha2, 2);

bool is_country(std::string_view cc) noexcept { return countries.contains(cc[0], cc[1]); }

}  // namespace

bool is_iso3166_2(std::string_view code) noexcept {
  if (code.size() < 4 || code.size() > 6 || code[2] != '-') return false;
  if (!is_country(code.substr(0, 2))) return false;
  for (const char c : code.substr(3)) {
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
  }
  return true;
}

}  // namespace otklik::detail
