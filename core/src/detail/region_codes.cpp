// The 249 assigned ISO 3166-1 alpha-2 codes, as one sorted string searched by halves.
#include "detail/region_codes.hpp"

namespace otklik::detail {

namespace {

constexpr std::string_view alpha2 =
    "ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCX"
    "CYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIR"
    "ISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNE"
    "NFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTF"
    "TGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZW";
static_assert(alpha2.size() == 2 * 249, "ISO 3166-1 assigns 249 alpha-2 codes");

bool is_country(std::string_view cc) noexcept {
  std::size_t lo = 0, hi = alpha2.size() / 2;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    const std::string_view here = alpha2.substr(mid * 2, 2);
    if (here == cc) return true;
    if (here < cc) lo = mid + 1; else hi = mid;
  }
  return false;
}

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
